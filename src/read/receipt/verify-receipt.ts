import { isDeepStrictEqual } from 'node:util'
import type { KeyObject } from 'node:crypto'
import { eventLeaf, hashLeaf, verifyInclusion } from '../../ledger/tamper/merkle.js'
import { checkHeadSignature } from '../../ledger/tamper/signed-head.js'
import { hashEvent } from '../../store/hash-chain.js'
import { type FactReceipt, receiptEvents, viewFromEvents } from './receipt.js'

export type ReceiptCheck = { ok: true; events: number; display: string } | { ok: false; problem: string }

/**
 * Everything a reader needs to trust a published figure without trusting the
 * server: the head is signed by the ledger's key; every event hashes to its
 * hash, links to its stream's previous one from revision 0, and is a leaf of
 * that head (inclusion proof); and the view is exactly what the policy code
 * computes from those events at the head's position.
 */
export function verifyFactReceipt(receipt: FactReceipt, publicKey: KeyObject): ReceiptCheck {
  const signature = checkHeadSignature(receipt.head, publicKey)
  if (!signature.ok) return { ok: false, problem: `head: ${signature.reason}` }
  const parsed = receiptEvents(receipt)
  if (!parsed.ok) return { ok: false, problem: parsed.message }
  const root = Buffer.from(receipt.head.rootHash, 'hex')
  const upTo = BigInt(receipt.head.position)
  const tips = new Map<string, { revision: bigint; hash: string }>()
  let last = 0n
  for (const [i, event] of parsed.events.entries()) {
    const where = `event ${i + 1} (position ${event.position}, ${event.stream} revision ${event.revision})`
    if (event.position <= last) return { ok: false, problem: `${where}: events are not in position order` }
    if (event.position > upTo) return { ok: false, problem: `${where}: after the head's last position ${upTo}` }
    last = event.position
    const tip = tips.get(event.stream)
    const revision = tip ? tip.revision + 1n : 0n
    if (event.revision !== revision) return { ok: false, problem: `${where}: expected revision ${revision} of its stream (an event is missing)` }
    if (event.prevHash !== (tip?.hash ?? null)) return { ok: false, problem: `${where}: does not link to its stream's previous event` }
    const { id, type, schemaVersion, data, metadata } = event
    if (hashEvent({ id, type, schemaVersion, data, metadata }, event.stream, event.revision, event.prevHash) !== event.hash) {
      return { ok: false, problem: `${where}: its content does not hash to its hash (altered)` }
    }
    const entry = receipt.events[i]!
    const included = verifyInclusion(hashLeaf(eventLeaf(event)), entry.leafIndex, receipt.head.size, entry.proof.map((h) => Buffer.from(h, 'hex')), root)
    if (!included) return { ok: false, problem: `${where}: its inclusion proof does not lead to the signed root` }
    tips.set(event.stream, { revision: event.revision, hash: event.hash })
  }
  const view = viewFromEvents(receipt.factId, parsed.events, upTo)
  if (!view) return { ok: false, problem: `the events do not define fact ${receipt.factId}` }
  const stated = (receipt.view as { policyVersion?: unknown } | null)?.policyVersion
  if (stated !== view.policyVersion) {
    // Another version of the reconciliation computed this view: say so rather than call the view wrong.
    return { ok: false, problem: `the view says reconciliation policy v${String(stated)} computed it, but from these events this verifier's policy is v${view.policyVersion}; verify it with the factledger release that computed it` }
  }
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(view)), receipt.view)) {
    return { ok: false, problem: `the view does not follow from the events: the policy computes "${view.display}" (${view.status})` }
  }
  return { ok: true, events: parsed.events.length, display: view.display }
}
