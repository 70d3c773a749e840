import type pg from 'pg'
import type { RecordedEvent } from '../../../events/envelope.js'
import type { ReadAllOptions, ReadStreamOptions } from '../port.js'
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row.js'
import { toStoreError } from './pg-errors.js'

/** Rows fetched per query: reads are paged so a long log never sits in memory at once. */
export const READ_PAGE_SIZE = 500

const MAX_BIGINT = 9_223_372_036_854_775_807n

/** `name`: a prepared statement, planned once per connection (the hot reads: a log tail per proof, per live batch). */
async function query(pool: pg.Pool, sql: string, params: unknown[], name?: string): Promise<RecordedEvent[]> {
  try {
    const result = await pool.query<EventRow>(name ? { name, text: sql, values: params } : { text: sql, values: params })
    return result.rows.map(toRecordedEvent)
  } catch (error) {
    throw toStoreError(error, 'cannot read events from PostgreSQL')
  }
}

function checkMaxCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY
  if (!Number.isInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`)
  return maxCount
}

/** One page of the global log after `after` (exclusive) up to `upTo` (inclusive). */
export function readAllPage(pool: pg.Pool, after: bigint, upTo: bigint, limit: number): Promise<RecordedEvent[]> {
  return query(pool, `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`, [
    after.toString(),
    upTo.toString(),
    limit,
  ], 'factledger-read-all-page')
}

export async function* readAll(pool: pg.Pool, options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
  let after = options.fromPosition ?? 0n
  const upTo = options.toPosition ?? MAX_BIGINT
  let remaining = checkMaxCount(options.maxCount)
  while (remaining > 0) {
    const limit = Math.min(READ_PAGE_SIZE, remaining)
    const page = await readAllPage(pool, after, upTo, limit)
    for (const event of page) yield event
    if (page.length < limit) return
    after = page.at(-1)!.position
    remaining -= page.length
  }
}

export async function* readStream(pool: pg.Pool, stream: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards'
  let remaining = checkMaxCount(options.maxCount)
  // `from` is inclusive; each next page starts one past the last revision read.
  let from = options.fromRevision ?? (backwards ? MAX_BIGINT : 0n)
  const sql = backwards
    ? `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`
    : `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`
  while (remaining > 0) {
    if (from < 0n) return
    const limit = Math.min(READ_PAGE_SIZE, remaining)
    const page = await query(pool, sql, [stream, from.toString(), limit])
    for (const event of page) yield event
    if (page.length < limit) return
    from = backwards ? page.at(-1)!.revision - 1n : page.at(-1)!.revision + 1n
    remaining -= page.length
  }
}

/** The events at these positions, in position order (see EventStore.readPositions). */
export async function readPositions(pool: pg.Pool, positions: readonly bigint[]): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = []
  for (let i = 0; i < positions.length; i += READ_PAGE_SIZE * 10) {
    const page = positions.slice(i, i + READ_PAGE_SIZE * 10).map((p) => p.toString())
    events.push(...(await query(pool, `SELECT ${EVENT_COLUMNS} FROM events WHERE position = ANY($1::bigint[]) ORDER BY position`, [page])))
  }
  return events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
}
