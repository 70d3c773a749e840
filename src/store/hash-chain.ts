import { createHash } from 'node:crypto'
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
  return createHash('sha256').update(body).digest('hex')
}
