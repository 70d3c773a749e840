import { reconcileFact } from '../../projections/facts/reconcile.js'
import { defaultPolicy, type FactView } from '../../projections/model.js'
import type { EventStore } from '../store/port.js'
import { readPositions } from '../store/read-positions.js'
import type { ReadModelStore } from '../read-model/port.js'
import { createFactFold } from './fact-fold.js'
import type { SnapshotCache } from './snapshot-cache.js'

/**
 * A fact's view at a past ledger position, reconciled from the fact's own
 * events (its event index up to that position) with the runner's reducers:
 * what a replay of the log to that position would give, at the cost of the
 * fact's events only. The fold starts from the fact's last snapshot at or
 * before the position, so it reads at most the runner's snapshot interval of
 * events. Null when the fact was not defined yet.
 */
export async function reconcileFactAt(
  deps: { store: EventStore; readModel: ReadModelStore; snapshots?: SnapshotCache },
  factId: string,
  position: bigint,
  clocks: { knownAt?: string | undefined; validAt?: string | undefined } = {},
): Promise<FactView | null> {
  const snapshot = await (deps.snapshots ? deps.snapshots.at(factId, position) : deps.readModel.getFactSnapshotAt(factId, position))
  const index = await deps.readModel.getFactEvents(factId, position, snapshot?.position)
  if (!snapshot && index.length === 0) return null
  const fold = createFactFold(deps.store, factId, snapshot)
  for (const event of await readPositions(deps.store, index.map((e) => e.position))) await fold.apply(event)
  const docs = await fold.docsAt(position)
  if (!docs) return null
  const policy = (await deps.readModel.getPolicyAt(position)) ?? defaultPolicy
  return reconcileFact({ ...docs, policy, position, knownAt: clocks.knownAt ?? null, validAt: clocks.validAt ?? null })
}
