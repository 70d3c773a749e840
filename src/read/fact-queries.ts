import { reconcileFact } from '../../projections/facts/reconcile.js'
import type { ClaimDoc, FactDoc, FactView, Policy, SourceDoc } from '../../projections/model.js'
import { defaultPolicy } from '../../projections/model.js'
import type { EventStore } from '../store/port.js'
import type { FactListQuery, Page, ReadModelStore } from '../read-model/port.js'
import { type Clocks, resolveAsOf } from './clocks.js'
import { replayUntil } from './replay.js'

/**
 * The read side for facts. The current view and a view at a past ledger
 * position come straight from the read model; publication-time and valid-time
 * questions are reconciled on demand from the documents (current, or replayed
 * to the asked ledger position).
 */
export function createFactQueries(deps: { store: EventStore; readModel: ReadModelStore }) {
  const { store, readModel } = deps

  async function reconcileFromDocs(
    fact: FactDoc,
    claims: ClaimDoc[],
    source: (id: string) => Promise<SourceDoc | null> | SourceDoc | null,
    policy: Policy,
    position: bigint,
    clocks: Clocks,
  ): Promise<FactView> {
    const sources = new Map<string, SourceDoc>()
    for (const c of claims) {
      const s = await source(c.sourceId)
      if (s) sources.set(c.sourceId, s)
    }
    return reconcileFact({ fact, claims, sources, policy, position, knownAt: clocks.knownAt ?? null, validAt: clocks.validAt ?? null })
  }

  async function getFact(factId: string, clocks: Clocks = {}): Promise<FactView | null> {
    const asOf = await resolveAsOf(store, clocks.asOf)
    const onDemand = clocks.knownAt !== undefined || clocks.validAt !== undefined
    if (!onDemand) return asOf === undefined ? readModel.getFactView(factId) : readModel.getFactViewAt(factId, asOf)
    if (asOf === undefined) {
      const fact = await readModel.getFact(factId)
      if (!fact) return null
      const checkpoint = await readModel.getCheckpoint()
      const policy = (await readModel.getPolicy()) ?? defaultPolicy
      return reconcileFromDocs(fact, await readModel.getClaimsOfFact(factId), (id) => readModel.getSource(id), policy, checkpoint?.position ?? 0n, clocks)
    }
    const snap = await replayUntil(store, asOf, { factId })
    const fact = snap.facts.get(factId)
    if (!fact) return null
    const claims = [...snap.claims.values()].filter((c) => c.factId === factId)
    return reconcileFromDocs(fact, claims, (id) => snap.sources.get(id) ?? null, snap.policy, asOf, clocks)
  }

  async function listFacts(query: FactListQuery, clocks: Clocks = {}): Promise<Page<FactView>> {
    const page = await readModel.listFactViews(query)
    if (clocks.asOf === undefined && clocks.knownAt === undefined && clocks.validAt === undefined) return page
    const items: FactView[] = []
    for (const v of page.items) {
      const view = await getFact(v.factId, clocks)
      if (view) items.push(view)
    }
    return { items, next: page.next }
  }

  return { getFact, listFacts }
}

export type FactQueries = ReturnType<typeof createFactQueries>
