import type { FactSnapshot, ReadModelStore } from '../read-model/port.js'

/** Claims held across the kept snapshots: a 1,000-claim fact's snapshots parse to ~2 MB each. */
const DEFAULT_MAX_CLAIMS = 10_000

/**
 * Fact snapshots, parsed once and kept (least recently used first out). A
 * busy fact's snapshot is hundreds of kilobytes of JSON, and parsing it was
 * most of an as-of answer; the lookup of which snapshot applies stays a query.
 *
 * Keeping them is safe for as long as the process runs: a snapshot at
 * (fact, position) is what this code's reducers make of the log up to that
 * position, and the log is append-only, so a rebuild writes the same
 * documents there again. Nothing here is ever changed in place: the fold
 * copies the maps it starts from and the reducers return new documents.
 */
export function createSnapshotCache(readModel: ReadModelStore, maxClaims = DEFAULT_MAX_CLAIMS) {
  const kept = new Map<string, FactSnapshot>()
  let claims = 0
  const keyOf = (factId: string, position: bigint) => `${factId}\u0000${position}`

  return {
    /** The fact's last snapshot at or before `upTo`, or null. */
    async at(factId: string, upTo: bigint): Promise<FactSnapshot | null> {
      const position = await readModel.getFactSnapshotPosition(factId, upTo)
      if (position === null) return null
      const hit = kept.get(keyOf(factId, position))
      if (hit) {
        kept.delete(keyOf(factId, position))
        kept.set(keyOf(factId, position), hit)
        return hit
      }
      const snapshot = await readModel.getFactSnapshotAt(factId, position)
      if (!snapshot) return null
      kept.set(keyOf(factId, snapshot.position), snapshot)
      claims += snapshot.claims.length
      for (const [key, old] of kept) {
        if (claims <= maxClaims || kept.size === 1) break
        kept.delete(key)
        claims -= old.claims.length
      }
      return snapshot
    },
  }
}

export type SnapshotCache = ReturnType<typeof createSnapshotCache>
