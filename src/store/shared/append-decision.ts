import type { RecordedEvent } from '../../../events/envelope.js'
import { hashCanonicalEvent } from '../hash-chain.js'
import type { AppendResult, ExpectedRevision } from '../port.js'
import { type PreparedEvent, readBack } from './prepare-append.js'

/** The head of a stream's hash chain; null when the stream has no events. */
export interface StreamHead {
  revision: bigint
  hash: string
}

/** An append whose arguments were already checked and serialized (prepareAppend). */
export interface AppendRequest {
  stream: string
  events: PreparedEvent[]
  expectedRevision: ExpectedRevision
}

export interface AppendContext {
  head: StreamHead | null
  /** An already stored event with this id (in any stream), if any. */
  storedEvent(id: string): RecordedEvent | undefined
  /** Global position the first new event gets. */
  nextPosition: bigint
}

export interface AppendDecision {
  result: AppendResult
  /** The events to insert; empty unless the result is a fresh success. */
  written: RecordedEvent[]
}

/**
 * What one append does, decided in memory while the caller holds the
 * sequencer: a pure function, so the rules are tested without a database.
 * The rules are the SQLite adapter's (src/store/sqlite/write-append.ts):
 *
 * 1. a retry — every id already stored, in order, in this stream, where this
 *    expectedRevision would have put them — returns the first result again
 *    with duplicate: true (its expected revision is stale by now, so this
 *    comes before the revision check);
 * 2. the expected revision must match the stream's head;
 * 3. a batch with some ids already stored is refused (DuplicateEventId);
 * 4. otherwise the events get the next revisions, hashes and positions.
 */
export function decideAppend(request: AppendRequest, context: AppendContext): AppendDecision {
  const { stream, events, expectedRevision } = request
  const { head } = context
  const stored = events.flatMap(({ event }) => context.storedEvent(event.id) ?? [])

  if (stored.length > 0) {
    const first = stored[0]!
    const wholeBatchInPlace =
      stored.length === events.length &&
      stored.every((s, i) => s.stream === stream && s.revision === first.revision + BigInt(i)) &&
      wasPlacedBy(expectedRevision, first.revision)
    if (wholeBatchInPlace) {
      const last = stored.at(-1)!
      return {
        result: { ok: true, nextExpectedRevision: last.revision, position: last.position, events: stored, duplicate: true },
        written: [],
      }
    }
  }

  if (!revisionMatches(expectedRevision, head)) {
    const actual = head ? head.revision : 'no_stream'
    return { result: { ok: false, error: { code: 'WrongExpectedRevision', stream, expected: expectedRevision, actual } }, written: [] }
  }
  if (stored.length > 0) return { result: { ok: false, error: { code: 'DuplicateEventId', stream, eventId: stored[0]!.id } }, written: [] }

  const written: RecordedEvent[] = []
  let revision = head ? head.revision + 1n : 0n
  let prevHash = head ? head.hash : null
  let position = context.nextPosition
  for (const prepared of events) {
    const readable = readBack(prepared)
    const hash = hashCanonicalEvent(readable, stream, revision, prevHash)
    written.push({ ...readable.event, stream, revision, position, hash, prevHash })
    prevHash = hash
    revision += 1n
    position += 1n
  }
  const last = written.at(-1)!
  return { result: { ok: true, nextExpectedRevision: last.revision, position: last.position, events: written, duplicate: false }, written }
}

/** Does the stream's head satisfy what the caller expected? */
export function revisionMatches(expected: ExpectedRevision, head: StreamHead | null): boolean {
  if (expected === 'any') return true
  if (expected === 'no_stream') return head === null
  if (expected === 'stream_exists') return head !== null
  return head !== null && head.revision === expected
}

/** Would this expectedRevision have put a batch at `firstRevision`? Then a repeat is a retry. */
export function wasPlacedBy(expected: ExpectedRevision, firstRevision: bigint): boolean {
  if (expected === 'any') return true
  if (expected === 'no_stream') return firstRevision === 0n
  if (expected === 'stream_exists') return firstRevision > 0n
  return expected === firstRevision - 1n
}
