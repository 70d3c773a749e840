import type { NewEvent, RecordedEvent } from '../../../events/envelope.js'
import { hashEvent } from '../hash-chain.js'
import type { AppendResult, ExpectedRevision } from '../port.js'

/** The head of a stream's hash chain; null when the stream has no events. */
export interface StreamHead {
  revision: bigint
  hash: string
}

export interface AppendRequest {
  stream: string
  events: NewEvent[]
  expectedRevision: ExpectedRevision
}

export interface AppendContext {
  head: StreamHead | null
  /** An already stored event with this id (in any stream), if any. */
  storedEvent(id: string): RecordedEvent | undefined
  /** Global position the first new event gets. */
  nextPosition: bigint
}

export type AppendDecision =
  | { result: AppendResult & { ok: true }; written: RecordedEvent[] }
  | { result: AppendResult & { ok: false }; written: [] }

/**
 * What one append does, decided in memory while the caller holds the
 * sequencer: a pure function, so the rules are tested without a database.
 *
 * Order of checks: an idempotent retry is recognised first (its expected
 * revision is stale by definition once the first attempt landed), then
 * duplicate ids, then the expected revision.
 */
export function decideAppend(request: AppendRequest, context: AppendContext): AppendDecision {
  const { stream, events, expectedRevision } = request
  const { head } = context

  const seen = new Set<string>()
  for (const event of events) {
    if (seen.has(event.id)) return { result: { ok: false, error: { code: 'DuplicateEventId', stream, eventId: event.id } }, written: [] }
    seen.add(event.id)
  }

  const stored = events.map((event) => context.storedEvent(event.id))
  const firstStored = stored.findIndex((event) => event !== undefined)
  if (firstStored !== -1) {
    const allInThisStream = stored.every((event) => event !== undefined && event.stream === stream)
    if (!allInThisStream) {
      return { result: { ok: false, error: { code: 'DuplicateEventId', stream, eventId: events[firstStored]!.id } }, written: [] }
    }
    const recorded = stored as RecordedEvent[]
    const last = recorded.reduce((a, b) => (b.position > a.position ? b : a))
    return {
      result: { ok: true, nextExpectedRevision: head!.revision, position: last.position, events: recorded, duplicate: true },
      written: [],
    }
  }

  const conflict = checkExpectedRevision(expectedRevision, head)
  if (conflict) return { result: { ok: false, error: { code: 'WrongExpectedRevision', stream, expected: expectedRevision, actual: conflict.actual } }, written: [] }

  const written: RecordedEvent[] = []
  let revision = head ? head.revision + 1n : 0n
  let prevHash = head ? head.hash : null
  let position = context.nextPosition
  for (const event of events) {
    const hash = hashEvent(event, stream, revision, prevHash)
    written.push({ ...event, stream, revision, position, hash, prevHash })
    prevHash = hash
    revision += 1n
    position += 1n
  }
  const last = written.at(-1)
  return {
    result: {
      ok: true,
      nextExpectedRevision: last ? last.revision : (head?.revision ?? -1n),
      position: last ? last.position : context.nextPosition - 1n,
      events: written,
      duplicate: false,
    },
    written,
  }
}

/** null when the stream's state satisfies `expected`; otherwise the actual state to report. */
export function checkExpectedRevision(expected: ExpectedRevision, head: StreamHead | null): { actual: bigint | 'no_stream' } | null {
  const actual = head ? head.revision : 'no_stream'
  switch (expected) {
    case 'any':
      return null
    case 'no_stream':
      return head ? { actual } : null
    case 'stream_exists':
      return head ? null : { actual }
    default:
      return head && head.revision === expected ? null : { actual }
  }
}
