import { reconcileFact } from '../../projections/facts/reconcile.js'
import { defaultPolicy, type FactView } from '../../projections/model.js'
import type { EventStore } from '../store/port.js'
import { readPositions } from '../store/read-positions.js'
import type { ReadModelStore } from '../read-model/port.js'
import { sameViewContent } from '../read-model/view-change.js'
import { createFactFold } from './fact-fold.js'

const END = 9_223_372_036_854_775_807n
/** Stored history rows read per query while walking a fact's changes. */
const CHUNK = 100

/** A change of a fact's view: the view from then on, and the one it replaced (null for the first). */
export interface ViewChange {
  view: FactView
  previous: FactView | null
}

/**
 * The changes of a fact's view after a position (exclusive), oldest first,
 * as fact-history.ts lists them, but lazily: a caller that takes a page of
 * changes stops the walk there, and at most one stored chunk of views is in
 * memory at a time, so a fact with thousands of versions is paged without
 * reading (or holding) all of them. Where the read model was built in large
 * batches, the views in between are reconciled from the fact's events, up to
 * where the caller stops.
 */
export async function* factViewChanges(deps: { store: EventStore; readModel: ReadModelStore }, factId: string, after: bigint): AsyncGenerator<ViewChange> {
  const { store, readModel } = deps
  const index = await readModel.getFactEvents(factId, END)
  if (index.every((e) => e.viewed)) {
    let previous = await readModel.getFactViewAt(factId, after)
    let from = after
    for (;;) {
      const rows = await readModel.getFactViewHistory(factId, { after: from, limit: CHUNK })
      for (const view of rows) {
        yield { view, previous }
        previous = view
      }
      if (rows.length < CHUNK) return
      from = BigInt(rows.at(-1)!.asOf.position)
    }
  }

  const viewed = new Set(index.filter((e) => e.viewed).map((e) => e.position))
  const fold = createFactFold(store, factId)
  let previous: FactView | null = null
  let foldedBefore = false
  for (const event of await readPositions(store, index.map((e) => e.position))) {
    if (event.position > after && !foldedBefore) {
      // The view at `after` is what the first change on this page replaced.
      foldedBefore = true
      const last = index.filter((e) => e.position <= after).at(-1)
      if (last) previous = await viewAt(last.position)
    }
    await fold.apply(event)
    if (event.position <= after) continue
    const view = await viewAt(event.position)
    if (!view || (previous && sameViewContent(previous, view))) continue
    const at = view.asOf.position === event.position.toString() ? view : { ...view, asOf: { ...view.asOf, position: event.position.toString() } }
    yield { view: at, previous }
    previous = at
  }

  /** The view right after the fact's event at `position`: stored when the runner computed it there, else reconciled. */
  async function viewAt(position: bigint): Promise<FactView | null> {
    if (viewed.has(position)) {
      const stored = await readModel.getFactViewAt(factId, position)
      if (stored) return stored
    }
    const docs = await fold.docsAt(position)
    if (!docs) return null
    const policy = (await readModel.getPolicyAt(position)) ?? defaultPolicy
    return reconcileFact({ ...docs, policy, position })
  }
}

