import { reconcileFact } from '../../projections/facts/reconcile.js'
import { defaultPolicy, type FactView } from '../../projections/model.js'
import type { EventStore } from '../store/port.js'
import { readPositions } from '../store/read-positions.js'
import type { ReadModelStore } from '../read-model/port.js'
import { sameViewContent } from '../read-model/view-change.js'
import { createFactFold } from './fact-fold.js'

const END = 9_223_372_036_854_775_807n

/**
 * Every change of a fact's view, oldest first, each at the position where it
 * changed. Where the runner computed the view after each of the fact's events
 * (live, in small batches) the stored history is that list already. After a
 * catch-up in large batches, the positions in between are reconciled from
 * the fact's events, so the list is the same however the read model was built.
 */
export async function factViewHistory(deps: { store: EventStore; readModel: ReadModelStore }, factId: string): Promise<FactView[]> {
  const { store, readModel } = deps
  const [index, stored] = await Promise.all([readModel.getFactEvents(factId, END), readModel.getFactViewHistory(factId)])
  if (index.every((e) => e.viewed)) return stored

  const viewed = new Set(index.filter((e) => e.viewed).map((e) => e.position))
  const fold = createFactFold(store, factId)
  const history: FactView[] = []
  let next = 0
  for (const event of await readPositions(store, index.map((e) => e.position))) {
    await fold.apply(event)
    while (next < stored.length && BigInt(stored[next]!.asOf.position) <= event.position) next++
    const view = viewed.has(event.position) ? stored[next - 1] : await reconciledAt(event.position)
    const previous = history.at(-1)
    if (view && (!previous || !sameViewContent(previous, view))) history.push(view.asOf.position === event.position.toString() ? view : { ...view, asOf: { ...view.asOf, position: event.position.toString() } })
  }
  return history

  async function reconciledAt(position: bigint): Promise<FactView | null> {
    const docs = await fold.docsAt(position)
    if (!docs) return null
    const policy = (await readModel.getPolicyAt(position)) ?? defaultPolicy
    return reconcileFact({ ...docs, policy, position })
  }
}
