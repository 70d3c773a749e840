import { z } from 'zod'
import type { RecordedEvent } from '../../../events/envelope.js'
import { reconcileFact } from '../../../projections/facts/reconcile.js'
import type { FactView, SourceDoc } from '../../../projections/model.js'
import { EventLine, parseEventLine } from '../../interchange/ndjson-event.js'
import { SignedHead } from '../../ledger/tamper/signed-head.js'
import { emptySnapshot, foldEvent } from '../replay.js'

const Hash = z.string().regex(/^[0-9a-f]{64}$/)

/**
 * A fact receipt: a fact's view, the signed head it was computed at, and
 * every event the view depends on (the fact's stream, the streams of the
 * claims filed under it, their sources' streams, the policy stream), each
 * with its RFC 6962 inclusion proof in that head. Anyone with the ledger's
 * public key can recompute the view from the events with the real policy
 * code and check every proof: `factledger verify-receipt`.
 */
export const FactReceipt = z
  .object({
    receiptVersion: z.literal(1),
    factId: z.string(),
    view: z.unknown().describe('the FactView, recomputed from `events` at head.position'),
    head: SignedHead,
    events: z.array(z.object({ event: EventLine, leafIndex: z.number().int().nonnegative(), proof: z.array(Hash) })),
  })
  .meta({ id: 'FactReceipt' })
export type FactReceipt = z.infer<typeof FactReceipt>

/** The fact's view from exactly these events (in position order), as the runner would fold them, at `position`. */
export function viewFromEvents(factId: string, events: readonly RecordedEvent[], position: bigint): FactView | null {
  const snap = emptySnapshot()
  for (const event of events) foldEvent(snap, event)
  const fact = snap.facts.get(factId)
  if (!fact) return null
  const claims = [...snap.claims.values()].filter((c) => c.factId === factId)
  const sources = new Map<string, SourceDoc>()
  for (const c of claims) {
    const source = snap.sources.get(c.sourceId)
    if (source) sources.set(c.sourceId, source)
  }
  return reconcileFact({ fact, claims, sources, policy: snap.policy, position, knownAt: null, validAt: null })
}

/** The receipt's events as RecordedEvents (bigints back), or the first one that does not parse. */
export function receiptEvents(receipt: FactReceipt): { ok: true; events: RecordedEvent[] } | { ok: false; message: string } {
  const events: RecordedEvent[] = []
  for (const [i, entry] of receipt.events.entries()) {
    const parsed = parseEventLine(JSON.stringify(entry.event), i + 1)
    if (!parsed.ok) return { ok: false, message: parsed.message.replace(/^line/, 'event') }
    events.push(parsed.event)
  }
  return { ok: true, events }
}
