import type { ClaimDoc, FactDoc, SourceDoc } from '../../projections/model.js'

/** How many of each the cache keeps: about a news cycle's worth of facts with their claims. */
export interface DocCacheLimits {
  facts: number
  sources: number
  claims: number
}

const defaultLimits: DocCacheLimits = { facts: 1_000, sources: 1_000, claims: 5_000 }

/**
 * Documents the runner committed in earlier batches of the same catch-up,
 * kept so the next batch need not read and parse them again: events cluster
 * around a news cycle, so the facts a batch touches were mostly touched a few
 * batches before. Least recently used entries go first, which bounds memory.
 *
 * Only correct while this runner is the read model's only writer, so it lives
 * for one catch-up (a rebuild is one) and is dropped when a batch fails.
 * A `null` entry means "known not to exist".
 */
export function createDocCache(limits: DocCacheLimits = defaultLimits) {
  const sources = new Map<string, SourceDoc | null>()
  const facts = new Map<string, FactDoc | null>()
  const claims = new Map<string, ClaimDoc | null>()
  const claimsByFact = new Map<string, ReadonlyMap<string, ClaimDoc>>()

  function touch<V>(map: Map<string, V>, key: string): V | undefined {
    const value = map.get(key)
    if (value !== undefined) {
      map.delete(key)
      map.set(key, value)
    }
    return value
  }
  function put<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
    map.delete(key)
    map.set(key, value)
    if (map.size > limit) map.delete(map.keys().next().value!)
  }

  return {
    source: (id: string) => touch(sources, id),
    fact: (id: string) => touch(facts, id),
    claim: (id: string) => touch(claims, id),
    /** A copy, so a batch can change it without touching the cache before it commits. */
    claimsOf(factId: string): Map<string, ClaimDoc> | undefined {
      const byId = touch(claimsByFact, factId)
      return byId && new Map(byId)
    },

    /** What a batch committed: its documents as they are now, and the full claim lists of the facts it loaded. */
    remember(batch: {
      sources: ReadonlyMap<string, SourceDoc | null>
      facts: ReadonlyMap<string, FactDoc | null>
      claims: ReadonlyMap<string, ClaimDoc | null>
      claimsByFact: ReadonlyMap<string, ReadonlyMap<string, ClaimDoc>>
    }): void {
      for (const [id, doc] of batch.sources) put(sources, id, doc, limits.sources)
      for (const [id, doc] of batch.facts) put(facts, id, doc, limits.facts)
      for (const [id, doc] of batch.claims) put(claims, id, doc, limits.claims)
      for (const [id, byId] of batch.claimsByFact) put(claimsByFact, id, byId, limits.facts)
    },

    clear(): void {
      sources.clear()
      facts.clear()
      claims.clear()
      claimsByFact.clear()
    },
  }
}

export type DocCache = ReturnType<typeof createDocCache>
