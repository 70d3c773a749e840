import type pg from 'pg'
import type { FactViewAndHead } from '../port.js'
import { toStoreError } from '../../store/postgres/pg-errors.js'

/** Backend.readFactViewAndHead on PostgreSQL: one query, so one round trip and one snapshot. */
export async function readFactViewAndHead(pool: pg.Pool, factId: string, stream: string): Promise<FactViewAndHead> {
  try {
    const { rows } = await pool.query<{ view_text: string | null; stream_head: string | null }>(
      // view::text: json keeps the text as written, and pg hands it over without parsing it.
      `SELECT (SELECT view::text FROM rm_fact_views WHERE fact_id = $1) AS view_text,
              (SELECT max(revision) FROM events WHERE stream = $2) AS stream_head`,
      [factId, stream],
    )
    const row = rows[0]!
    return { viewText: row.view_text, streamHead: row.stream_head === null ? null : BigInt(row.stream_head) }
  } catch (error) {
    throw toStoreError(error, 'cannot read a fact view and its stream head from PostgreSQL')
  }
}
