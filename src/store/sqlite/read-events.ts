import type { RecordedEvent } from '../../../events/envelope.js'
import type { ReadAllOptions, ReadStreamOptions } from '../port.js'
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './event-row.js'
import type { SqliteDatabase } from './open-database.js'

/** Rows fetched per query. Reads go page by page so a cursor is never held open across an await. */
const PAGE_SIZE = 500
const MAX_INT64 = 9223372036854775807n

function assertCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new TypeError(`maxCount must be a non-negative integer, got ${maxCount}`)
  return maxCount
}

function assertPosition(name: string, value: bigint | undefined, fallback: bigint): bigint {
  if (value === undefined) return fallback
  if (typeof value !== 'bigint' || value < 0n) throw new TypeError(`${name} must be a bigint >= 0n`)
  return value
}

/** readStream, readAll, the page read the subscription uses and the head lookups, over prepared statements. */
export function createEventReader(db: SqliteDatabase, assertOpen: () => void) {
  const forwards = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`)
    .safeIntegers()
  const backwards = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`)
    .safeIntegers()
  const byPosition = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`)
    .safeIntegers()
  // One statement for a list of positions: a fact's events are scattered over the log.
  const atPositions = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`)
    .safeIntegers()
  const head = db.prepare('SELECT coalesce(max(position), 0) FROM events').pluck().safeIntegers()
  // Answered from the (stream, revision) unique index alone: no row, no JSON.
  const streamHeadRevision = db.prepare('SELECT max(revision) FROM events WHERE stream = ?').pluck().safeIntegers()

  /** Events after `fromPosition` (exclusive) up to `toPosition` (inclusive), at most `limit`. */
  function readPage(fromPosition: bigint, limit: number, toPosition = MAX_INT64): RecordedEvent[] {
    assertOpen()
    return (byPosition.all(fromPosition, toPosition, limit) as EventRow[]).map(toRecordedEvent)
  }

  async function* readStream(stream: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const back = options.direction === 'backwards'
    if (options.direction !== undefined && !back && options.direction !== 'forwards') {
      throw new TypeError(`direction must be 'forwards' or 'backwards'`)
    }
    let remaining = assertCount(options.maxCount)
    let next = assertPosition('fromRevision', options.fromRevision, back ? MAX_INT64 : 0n)
    while (remaining > 0) {
      assertOpen()
      const limit = Math.min(PAGE_SIZE, remaining)
      const rows = (back ? backwards : forwards).all(stream, next, limit) as EventRow[]
      for (const row of rows) yield toRecordedEvent(row)
      if (rows.length < limit) return
      remaining -= rows.length
      const last = rows.at(-1)!.revision
      if (back && last === 0n) return
      next = back ? last - 1n : last + 1n
    }
  }

  async function* readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    let remaining = assertCount(options.maxCount)
    let after = assertPosition('fromPosition', options.fromPosition, 0n)
    const to = assertPosition('toPosition', options.toPosition, MAX_INT64)
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining)
      const page = readPage(after, limit, to)
      for (const event of page) yield event
      if (page.length < limit) return
      remaining -= page.length
      after = page.at(-1)!.position
    }
  }

  function readPositions(positions: readonly bigint[]): RecordedEvent[] {
    assertOpen()
    const events: RecordedEvent[] = []
    for (let i = 0; i < positions.length; i += PAGE_SIZE) {
      const page = positions.slice(i, i + PAGE_SIZE).map((p) => assertPosition('position', p, 0n).toString())
      for (const row of atPositions.all(`[${page.join(',')}]`) as EventRow[]) events.push(toRecordedEvent(row))
    }
    return events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
  }

  function headPosition(): bigint {
    assertOpen()
    return head.get() as bigint
  }

  function streamHead(stream: string): bigint | null {
    assertOpen()
    return streamHeadRevision.get(stream) as bigint | null
  }

  return { readStream, readAll, readPage, readPositions, headPosition, streamHead }
}
