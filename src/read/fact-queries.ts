import { reconcileFact } from '../../projections/facts/reconcile.js'
import type { FactView } from '../../projections/model.js'
import { defaultPolicy } from '../../projections/model.js'
import type { EventStore } from '../store/port.js'
import type { FactListQuery, Page, ReadModelStore } from '../read-model/port.js'
import { type Clocks, resolveAsOf } from './clocks.js'
import { reconcileFactAt } from './fact-at.js'
import { createSnapshotCache } from './snapshot-cache.js'
import { factViewHistory } from './fact-history.js'

/**
 * The read side for facts. The current view comes straight from the read
 * model; a view at a past ledger position from the view history where the
 * runner computed one at the fact's last event before it, else reconciled
 * from the fact's events up to it; publication-time and valid-time questions
 * are reconciled on demand, from the current documents or the fact's events.
 */
export function createFactQueries(deps: { store: EventStore; readModel: ReadModelStore }) {
  const { readModel } = deps
  const snapshots = createSnapshotCache(readModel)

  /** The view at a past position, exact on every clock: `asOf.position` is that position. */
  async function viewAsOf(factId: string, asOf: bigint, clocks: Clocks): Promise<FactView | null> {
    if (clocks.knownAt === undefined && clocks.validAt === undefined) {
      const last = await readModel.getLastFactEvent(factId, asOf)
      if (!last) return null
      if (last.viewed) {
        // The runner reconciled the fact right after its last event before asOf: the history's last change is that view.
        const stored = await readModel.getFactViewAt(factId, asOf)
        if (stored) return { ...stored, asOf: { ...stored.asOf, position: asOf.toString() } }
      }
    }
    return reconcileFactAt({ ...deps, snapshots }, factId, asOf, clocks)
  }

  async function getFact(factId: string, clocks: Clocks = {}): Promise<FactView | null> {
    const asOf = await resolveAsOf(deps.store, clocks.asOf)
    if (asOf !== undefined) return viewAsOf(factId, asOf, clocks)
    if (clocks.knownAt === undefined && clocks.validAt === undefined) return readModel.getFactView(factId)
    const fact = await readModel.getFact(factId)
    if (!fact) return null
    const checkpoint = await readModel.getCheckpoint()
    const policy = (await readModel.getPolicy()) ?? defaultPolicy
    const claims = await readModel.getClaimsOfFact(factId)
    const sources = new Map()
    for (const c of claims) {
      if (sources.has(c.sourceId)) continue
      const s = await readModel.getSource(c.sourceId)
      if (s) sources.set(c.sourceId, s)
    }
    return reconcileFact({ fact, claims, sources, policy, position: checkpoint?.position ?? 0n, knownAt: clocks.knownAt ?? null, validAt: clocks.validAt ?? null })
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

  return { getFact, listFacts, getFactViewHistory: (factId: string) => factViewHistory(deps, factId) }
}

export type FactQueries = ReturnType<typeof createFactQueries>
