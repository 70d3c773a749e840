/**
 * A stand-in projection runner for test/store/postgres-lease.test.ts: waits for
 * the runner lease, then reports it and holds it until killed. Lines on stdout:
 * `standby <attempt>` after each failed attempt, `held <backend pid>` once held.
 */
import pg from 'pg'
import { waitForRunnerLease } from '../../src/store/postgres/runner-lease.js'

const [connectionString, name] = process.argv.slice(2)
if (!connectionString || !name) throw new Error('usage: postgres-lease-child <connectionString> <name>')

const pool = new pg.Pool({ connectionString, max: 2 })
const lease = await waitForRunnerLease(pool, name, {
  retryMs: 50,
  onStandby: (attempt) => process.stdout.write(`standby ${attempt}\n`),
})
// The pid of the session that holds the lock, so the test can check pg_locks.
const held = await pool.query<{ pid: number }>(
  "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
)
process.stdout.write(`held ${held.rows.map((r) => r.pid).join(',')}\n`)
lease.lost.addEventListener('abort', () => {
  process.stdout.write('lost\n')
  process.exit(3)
})
setInterval(() => {}, 1 << 30)
