import type { ClaimDoc, SourceDoc } from '../../projections/model.js'
import type { FactSnapshot, ReadModelStore } from '../read-model/port.js'
import type { BatchState } from './batch-state.js'

/**
 * A fact's documents are snapshotted after every `every`-th of its indexed
 * events, so an as-of question folds at most `every` of the fact's events
 * from the nearest snapshot (src/read/fact-at.ts), however long its history.
 * Most facts never reach a snapshot; a much-reported one gets one per
 * `every` events. A snapshot is cheap to take (the documents are already in
 * the batch's memory) and is written with the batch, so the counts the next
 * batch starts from are what the read model holds.
 */
export const DEFAULT_FACT_SNAPSHOT_EVERY = 64

export interface FactSnapshotOptions {
  /** A fact's documents are snapshotted after every this many of its indexed events (default 64). */
  factSnapshotEvery?: number | undefined
}

export function createFactSnapshots(readModel: ReadModelStore, state: BatchState, every = DEFAULT_FACT_SNAPSHOT_EVERY) {
  if (!Number.isInteger(every) || every < 1) throw new Error(`factSnapshotEvery must be a positive integer, got ${every}`)
  /** Indexed events since each touched fact's last snapshot (loaded once per batch). */
  const since = new Map<string, number>()
  const taken: FactSnapshot[] = []

  /**
   * The claims filed under the fact right now: the batch's own documents where
   * it loaded or changed them, the read model's for the rest. Not the batch's
   * per-fact lists, which a rebuild does not keep.
   */
  async function filedUnder(factId: string): Promise<ClaimDoc[]> {
    const inBatch = state.loaded().claims
    const filed = new Map<string, ClaimDoc>()
    for (const stored of await readModel.getClaimsOfFact(factId)) if (!inBatch.has(stored.claimId)) filed.set(stored.claimId, stored)
    for (const doc of inBatch.values()) if (doc && doc.factId === factId) filed.set(doc.claimId, doc)
    return [...filed.values()]
  }

  async function take(factId: string, position: bigint): Promise<void> {
    const fact = await state.fact(factId)
    if (!fact) return
    const claims = await filedUnder(factId)
    const sources = new Map<string, SourceDoc>()
    for (const c of claims) {
      if (sources.has(c.sourceId)) continue
      const source = await state.source(c.sourceId)
      if (source) sources.set(c.sourceId, source)
    }
    // Documents are replaced, never changed in place, so holding these references until commit is safe.
    taken.push({ factId, position, fact, claims, sources: [...sources.values()] })
  }

  return {
    /** The fact got an index row at `position` (the batch state holds its documents right after that event). */
    async indexed(factId: string, position: bigint): Promise<void> {
      const count = (since.get(factId) ?? (await readModel.countFactEventsSinceSnapshot(factId))) + 1
      if (count < every) {
        since.set(factId, count)
        return
      }
      since.set(factId, 0)
      await take(factId, position)
    },
    taken: (): FactSnapshot[] => taken,
  }
}
