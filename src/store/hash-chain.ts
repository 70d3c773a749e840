import { hash } from 'node:crypto'
import { canonicalize } from './shared/canonical-json.js'
import type { NewEvent } from '../../events/envelope.js'

/**
 * The per-stream hash chain: each event's hash covers its canonical JSON
 * (RFC 8785: sorted keys, no whitespace), where it sits (stream, revision),
 * and the previous event's hash. Changing any byte of any earlier event of the
 * stream changes every later hash. The global position is not covered: it is
 * assigned at commit, after the hash, and the Merkle tree over the global log
 * covers order.
 */
export function hashEvent(event: NewEvent, stream: string, revision: bigint, prevHash: string | null): string {
  const body = canonicalize({
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    stream,
    revision: revision.toString(),
    prevHash,
  })
  if (body === undefined) throw new Error(`event ${event.id} cannot be canonicalized`)
  return sha256Hex(body)
}

/** An event whose data and metadata were already canonicalized (once, when the append was prepared). */
export interface CanonicalEvent {
  event: Pick<NewEvent, 'id' | 'type' | 'schemaVersion'>
  /** canonicalize(event.data) and canonicalize(event.metadata). */
  canonicalData: string
  canonicalMetadata: string
}

/**
 * hashEvent for an event whose data and metadata are already canonical text:
 * the same body, assembled in the same sorted key order (data, id, metadata,
 * prevHash, revision, schemaVersion, stream, type) instead of walking the
 * payload again inside the write transaction.
 */
export function hashCanonicalEvent({ event, canonicalData, canonicalMetadata }: CanonicalEvent, stream: string, revision: bigint, prevHash: string | null): string {
  const body =
    `{"data":${canonicalData},"id":${canonicalize(event.id)},"metadata":${canonicalMetadata},` +
    `"prevHash":${prevHash === null ? 'null' : canonicalize(prevHash)},"revision":"${revision}",` +
    `"schemaVersion":${canonicalize(event.schemaVersion)},"stream":${canonicalize(stream)},"type":${canonicalize(event.type)}}`
  return sha256Hex(body)
}

/** One-shot hashing (Node >= 20.12): the same digest as createHash().update().digest(), without a Hash object per event. */
function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex')
}
