import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'
import { evolveClaim } from '../../projections/evolve-claim.js'
import { evolveFact } from '../../projections/evolve-fact.js'
import { evolveSource } from '../../projections/evolve-source.js'
import { type ClaimDoc, defaultPolicy, type FactDoc, type Policy, type SourceDoc } from '../../projections/model.js'
import { evolvePolicy } from '../../projections/policy.js'
import type { EventStore } from '../store/port.js'

export interface LedgerSnapshot {
  sources: Map<string, SourceDoc>
  facts: Map<string, FactDoc>
  claims: Map<string, ClaimDoc>
  policy: Policy
  position: bigint
}

/**
 * Every document as the ledger held it at a past position, folded from the
 * whole log up to it with the runner's reducers. The read side answers as-of
 * questions from each fact's own events instead (src/read/fact-at.ts); this
 * is what its tests compare those answers with.
 */
export async function replayUntil(store: EventStore, position: bigint, keep?: { factId: string }): Promise<LedgerSnapshot> {
  const snap = emptySnapshot()
  for await (const recorded of store.readAll({ toPosition: position })) foldEvent(snap, recorded, keep)
  return snap
}

export function emptySnapshot(): LedgerSnapshot {
  return { sources: new Map(), facts: new Map(), claims: new Map(), policy: defaultPolicy, position: 0n }
}

/** Fold one recorded event into the snapshot with the runner's reducers (also what a fact receipt is recomputed with). */
export function foldEvent(snap: LedgerSnapshot, recorded: RecordedEvent, keep?: { factId: string }): void {
  const event = decodeRecorded(recorded)
  snap.position = recorded.position
  switch (event.type) {
    case 'SourceRegistered':
    case 'SourceRevised':
    case 'SourceRetracted':
      snap.sources.set(event.data.sourceId, evolveSource(snap.sources.get(event.data.sourceId) ?? null, event))
      break
    case 'FactDefined':
    case 'FactPinned':
    case 'FactUnpinned':
      if (!keep || keep.factId === event.data.factId) snap.facts.set(event.data.factId, evolveFact(snap.facts.get(event.data.factId) ?? null, event))
      break
    case 'PolicyAdopted':
      snap.policy = evolvePolicy(snap.policy, event)
      break
    default:
      snap.claims.set(event.data.claimId, evolveClaim(snap.claims.get(event.data.claimId) ?? null, event))
  }
}
