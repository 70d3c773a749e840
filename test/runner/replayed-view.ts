import { reconcileFact } from '../../projections/facts/reconcile.js'
import type { FactView } from '../../projections/model.js'
import { replayUntil } from '../../src/read/replay.js'
import type { EventStore } from '../../src/store/port.js'

/** What replaying the whole log to `position` and reconciling the fact gives: what every as-of answer must equal. */
export async function replayedView(store: EventStore, factId: string, position: bigint, clocks: { knownAt?: string; validAt?: string }): Promise<FactView | null> {
  const snap = await replayUntil(store, position)
  const fact = snap.facts.get(factId)
  if (!fact) return null
  const claims = [...snap.claims.values()].filter((c) => c.factId === factId)
  return reconcileFact({ fact, claims, sources: snap.sources, policy: snap.policy, position, knownAt: clocks.knownAt ?? null, validAt: clocks.validAt ?? null })
}
