import pg from 'pg'
import type { WindowCounter } from './window-counter.js'

// One statement: a new key or an ended window starts at 1; otherwise add one. The row lock orders concurrent hits.
const HIT = `
INSERT INTO rate_limit_windows AS w (key, count, ends_at)
VALUES ($1, 1, clock_timestamp() + make_interval(secs => $2::double precision / 1000))
ON CONFLICT (key) DO UPDATE SET
  count   = CASE WHEN w.ends_at <= clock_timestamp() THEN 1 ELSE w.count + 1 END,
  ends_at = CASE WHEN w.ends_at <= clock_timestamp() THEN EXCLUDED.ends_at ELSE w.ends_at END
RETURNING count, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (ends_at - clock_timestamp())) * 1000))::bigint AS reset_in_ms`

/** Windows that ended an hour ago are of no use to anyone: swept now and then, so the table stays small. */
const SWEEP = `DELETE FROM rate_limit_windows WHERE ends_at < clock_timestamp() - interval '1 hour'`
const SWEEP_EVERY = 1000

/** Counters every API process on one PostgreSQL database shares (table rate_limit_windows, an UNLOGGED table: counters need no crash safety). */
export function createPostgresCounter(connectionString: string): WindowCounter {
  const pool = new pg.Pool({ connectionString, max: 4, idleTimeoutMillis: 10_000 })
  // An idle client that the server drops must not crash the process.
  pool.on('error', () => undefined)
  let hits = 0
  return {
    kind: 'postgres',
    async hit(key, windowMs) {
      if (++hits % SWEEP_EVERY === 0) pool.query(SWEEP).catch(() => undefined)
      const { rows } = await pool.query<{ count: number; reset_in_ms: string }>(HIT, [key, windowMs])
      const row = rows[0]!
      return { count: Number(row.count), resetInMs: Number(row.reset_in_ms) }
    },
    close: () => pool.end(),
  }
}
