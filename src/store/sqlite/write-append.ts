import type { RecordedEvent } from '../../../events/envelope.js'
import { hashCanonicalEvent } from '../hash-chain.js'
import type { AppendResult, ExpectedRevision } from '../port.js'
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './event-row.js'
import type { SqliteDatabase } from './open-database.js'
import { type PreparedEvent, readBack } from '../shared/prepare-append.js'

export interface AppendRequest {
  stream: string
  events: PreparedEvent[]
  expectedRevision: ExpectedRevision
}

/** Does the stream's current revision (null: no stream) satisfy what the caller expected? */
export function revisionMatches(expected: ExpectedRevision, current: bigint | null): boolean {
  if (expected === 'any') return true
  if (expected === 'no_stream') return current === null
  if (expected === 'stream_exists') return current !== null
  return current === expected
}

interface StoredId {
  stream: string
  revision: bigint
  position: bigint
}

/**
 * Write one append inside the group-commit transaction (the caller holds the
 * write lock, so what this reads cannot change under it). Every check runs
 * before the first insert: a refused append returns its error having written
 * nothing.
 */
export function createAppendWriter(db: SqliteDatabase): (request: AppendRequest) => AppendResult {
  const findId = db.prepare('SELECT stream, revision, position FROM events WHERE id = ?').safeIntegers()
  const streamHead = db
    .prepare('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
    .safeIntegers()
  const readRevisions = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision BETWEEN ? AND ? ORDER BY revision`)
    .safeIntegers()
  const insert = db.prepare(
    `INSERT INTO events (stream, revision, id, type, schema_version, data, metadata, hash, prev_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )

  return function writeAppend({ stream, events, expectedRevision }) {
    const head = streamHead.get(stream) as { revision: bigint; hash: string } | undefined
    const current = head?.revision ?? null
    const stored = events.flatMap(({ event }) => {
      const found = findId.get(event.id) as StoredId | undefined
      return found ? [{ id: event.id, ...found }] : []
    })

    if (stored.length > 0) {
      const first = stored[0]!
      const last = stored.at(-1)!
      const wholeBatchInPlace =
        stored.length === events.length &&
        stored.every((s, i) => s.stream === stream && s.revision === first.revision + BigInt(i)) &&
        wasPlacedBy(expectedRevision, first.revision)
      if (wholeBatchInPlace) {
        const rows = readRevisions.all(stream, first.revision, last.revision) as EventRow[]
        return {
          ok: true,
          nextExpectedRevision: last.revision,
          position: last.position,
          events: rows.map(toRecordedEvent),
          duplicate: true,
        }
      }
    }
    if (!revisionMatches(expectedRevision, current)) {
      return {
        ok: false,
        error: { code: 'WrongExpectedRevision', stream, expected: expectedRevision, actual: current ?? 'no_stream' },
      }
    }
    if (stored.length > 0) return { ok: false, error: { code: 'DuplicateEventId', stream, eventId: stored[0]!.id } }

    let prevHash = head?.hash ?? null
    let revision = current === null ? 0n : current + 1n
    const recorded: RecordedEvent[] = []
    for (const prepared of events) {
      const written = readBack(prepared)
      const { event } = written
      const hash = hashCanonicalEvent(written, stream, revision, prevHash)
      const info = insert.run(stream, revision, event.id, event.type, event.schemaVersion, prepared.dataText, prepared.metadataText, hash, prevHash)
      recorded.push({ ...event, stream, revision, position: BigInt(info.lastInsertRowid), hash, prevHash })
      prevHash = hash
      revision += 1n
    }
    const last = recorded.at(-1)!
    return { ok: true, nextExpectedRevision: last.revision, position: last.position, events: recorded, duplicate: false }
  }
}

/** Would this expectedRevision have put a batch at `firstRevision`? Then a repeat is a retry. */
function wasPlacedBy(expected: ExpectedRevision, firstRevision: bigint): boolean {
  if (expected === 'any') return true
  if (expected === 'no_stream') return firstRevision === 0n
  if (expected === 'stream_exists') return firstRevision > 0n
  return expected === firstRevision - 1n
}
