import { streamOf } from '../../../events/ids.js'
import type { RecordedEvent } from '../../../events/envelope.js'
import { toEventLine } from '../../interchange/ndjson-event.js'
import type { LedgerTree } from '../../ledger/tamper/ledger-tree.js'
import type { SignedHead } from '../../ledger/tamper/signed-head.js'
import type { EventStore } from '../../store/port.js'
import type { ReadModelStore } from '../../read-model/port.js'
import { type FactReceipt, viewFromEvents } from './receipt.js'

/** The stream PolicyAdopted events are written to (src/ledger/commands/adopt-policy.ts). */
const POLICY_STREAM = 'policy-reconciliation'

/**
 * Build a fact's receipt at a signed head: the streams the view depends on,
 * read whole up to the head (every event of each, so a later change of what a
 * view depends on adds events, never a new format), each event with its
 * inclusion proof in that head, and the view recomputed from exactly those
 * events. Null when the fact does not exist at the head.
 */
export async function buildFactReceipt(deps: { store: EventStore; readModel: ReadModelStore; tree: LedgerTree }, factId: string, head: SignedHead): Promise<FactReceipt | null> {
  const upTo = BigInt(head.position)
  const claims = await deps.readModel.getClaimsOfFact(factId)
  const streams = new Set<string>([streamOf.fact(factId), POLICY_STREAM])
  for (const claim of claims) {
    streams.add(streamOf.claim(claim.claimId))
    streams.add(streamOf.source(claim.sourceId))
  }
  const events: RecordedEvent[] = []
  for (const stream of streams) {
    for await (const event of deps.store.readStream(stream)) if (event.position <= upTo) events.push(event)
  }
  events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
  const view = viewFromEvents(factId, events, upTo)
  if (!view) return null
  const entries: FactReceipt['events'] = []
  for (const event of events) {
    const proof = await deps.tree.inclusion(event.position, { treeSize: head.size })
    if (!proof.ok) throw new Error(`no inclusion proof for position ${event.position} in the head of size ${head.size}: ${proof.error.code}`)
    entries.push({ event: JSON.parse(toEventLine(event)), leafIndex: proof.leafIndex, proof: proof.proof })
  }
  return { receiptVersion: 1, factId, view: JSON.parse(JSON.stringify(view)), head, events: entries }
}
