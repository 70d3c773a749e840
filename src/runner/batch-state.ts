import type { ClaimDoc, FactDoc, Policy, SourceDoc } from '../../projections/model.js'
import type { ReadModelStore } from '../read-model/port.js'
import type { DocCache } from './doc-cache.js'

/**
 * The documents one batch works on: loaded from the read model the first time
 * they are needed, then kept and changed in memory until the batch commits.
 * Claims are also indexed by fact, so a fact's view can be recomputed after
 * every event without going back to the store. With a cache (during a
 * catch-up), documents earlier batches committed are taken from it first.
 * A rebuild computes no views while it folds (rebuild-views.ts does, at the
 * end), so it turns the per-fact claim lists off: keeping them meant loading
 * every touched fact's claims from the store only to add one to the list.
 */
export function createBatchState(readModel: ReadModelStore, policy: Policy, cache?: DocCache, options: { claimsByFact?: boolean } = {}) {
  const trackClaimsByFact = options.claimsByFact ?? true
  const sources = new Map<string, SourceDoc | null>()
  const facts = new Map<string, FactDoc | null>()
  const claims = new Map<string, ClaimDoc | null>()
  const claimsByFact = new Map<string, Map<string, ClaimDoc>>()
  const changed = { sources: new Set<string>(), facts: new Set<string>(), claims: new Set<string>() }

  async function source(id: string): Promise<SourceDoc | null> {
    if (!sources.has(id)) sources.set(id, await orLoad(cache?.source(id), () => readModel.getSource(id)))
    return sources.get(id) ?? null
  }
  async function fact(id: string): Promise<FactDoc | null> {
    if (!facts.has(id)) facts.set(id, await orLoad(cache?.fact(id), () => readModel.getFact(id)))
    return facts.get(id) ?? null
  }
  async function claim(id: string): Promise<ClaimDoc | null> {
    if (!claims.has(id)) claims.set(id, await orLoad(cache?.claim(id), () => readModel.getClaim(id)))
    return claims.get(id) ?? null
  }
  /** The claims filed under a fact now, including this batch's changes. */
  async function claimsOf(factId: string): Promise<Map<string, ClaimDoc>> {
    let byId = claimsByFact.get(factId)
    if (!byId) {
      byId = new Map()
      for (const stored of cache?.claimsOf(factId)?.values() ?? (await readModel.getClaimsOfFact(factId))) {
        // A claim this batch already changed (or moved away) is taken from memory.
        const current = claims.has(stored.claimId) ? claims.get(stored.claimId) : stored
        if (current && current.factId === factId) byId.set(current.claimId, current)
      }
      // Claims this batch moved here are not in the store's list yet: putClaim adds them to this map once it exists.
      claimsByFact.set(factId, byId)
    }
    return byId
  }

  /**
   * Load, in one query per kind, the facts and claims a batch names that
   * neither this batch nor the cache holds (an id the store lacks is
   * remembered as missing), so folding the batch does not ask for them one
   * at a time.
   */
  async function prefetch(ids: { facts: Iterable<string>; claims: Iterable<string> }): Promise<void> {
    const wanted = <T>(loaded: Map<string, T | null>, all: Iterable<string>, cached: (id: string) => T | null | undefined) => {
      const missing = new Set<string>()
      for (const id of all) {
        if (loaded.has(id) || missing.has(id)) continue
        const doc = cached(id)
        if (doc !== undefined) loaded.set(id, doc)
        else missing.add(id)
      }
      return [...missing]
    }
    const factIds = wanted(facts, ids.facts, (id) => cache?.fact(id))
    const claimIds = wanted(claims, ids.claims, (id) => cache?.claim(id))
    const [factDocs, claimDocs] = await Promise.all([
      factIds.length > 0 ? readModel.getFacts(factIds) : [],
      claimIds.length > 0 ? readModel.getClaims(claimIds) : [],
    ])
    for (const id of factIds) facts.set(id, null)
    for (const doc of factDocs) facts.set(doc.factId, doc)
    for (const id of claimIds) claims.set(id, null)
    for (const doc of claimDocs) claims.set(doc.claimId, doc)
  }

  return {
    policy,
    changed,
    prefetch,
    source,
    fact,
    claim,
    claimsOf,
    putSource(doc: SourceDoc) {
      sources.set(doc.sourceId, doc)
      changed.sources.add(doc.sourceId)
    },
    putFact(doc: FactDoc) {
      facts.set(doc.factId, doc)
      changed.facts.add(doc.factId)
    },
    async putClaim(before: ClaimDoc | null, doc: ClaimDoc) {
      // Load the old fact's list before taking the claim out, so the list this batch ends with (and caches) is whole.
      if (trackClaimsByFact && before && before.factId !== doc.factId) (await claimsOf(before.factId)).delete(doc.claimId)
      claims.set(doc.claimId, doc)
      changed.claims.add(doc.claimId)
      if (trackClaimsByFact) (await claimsOf(doc.factId)).set(doc.claimId, doc)
    },
    /** Everything this batch loaded or changed, as it stands at the end of the batch (for the cache once it commits). */
    loaded: () => ({ sources, facts, claims, claimsByFact }),
    changedDocs() {
      return {
        sources: [...changed.sources].map((id) => sources.get(id)!).filter(Boolean),
        facts: [...changed.facts].map((id) => facts.get(id)!).filter(Boolean),
        claims: [...changed.claims].map((id) => claims.get(id)!).filter(Boolean),
      }
    },
  }
}

/** A cached document (null included: known not to exist), or the store's. */
function orLoad<T>(cached: T | null | undefined, load: () => Promise<T | null>): T | null | Promise<T | null> {
  return cached !== undefined ? cached : load()
}

export type BatchState = ReturnType<typeof createBatchState>
