import { z } from 'zod'
import type { RecordedEvent } from '../../events/envelope.js'
import { EventMetadata } from '../../events/metadata.js'

/**
 * One event per line, as `factledger export` writes it and `import` reads it.
 * Bigints travel as decimal strings; everything the hash covers is carried
 * verbatim so the chain can be checked on the way in.
 */
const Digits = z.string().regex(/^\d+$/, 'must be a non-negative integer as a string')

export const EventLine = z
  .object({
    id: z.string().min(1),
    stream: z.string().min(1).max(300),
    revision: Digits,
    position: Digits,
    type: z.string().min(1),
    schemaVersion: z.number().int().positive(),
    data: z.unknown(),
    metadata: EventMetadata,
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    prevHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  })
  .strict()

export function toEventLine(e: RecordedEvent): string {
  return JSON.stringify({
    id: e.id,
    stream: e.stream,
    revision: e.revision.toString(),
    position: e.position.toString(),
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    hash: e.hash,
    prevHash: e.prevHash,
  })
}

export type ParsedLine = { ok: true; event: RecordedEvent } | { ok: false; message: string }

export function parseEventLine(line: string, lineNumber: number): ParsedLine {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return { ok: false, message: `line ${lineNumber}: not valid JSON` }
  }
  const parsed = EventLine.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return { ok: false, message: `line ${lineNumber}: ${issue.path.join('.') || '(event)'}: ${issue.message}` }
  }
  const e = parsed.data
  return { ok: true, event: { ...e, data: e.data, revision: BigInt(e.revision), position: BigInt(e.position) } }
}
