import { pino } from 'pino'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import pg from 'pg'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import type { EventStore } from '../../src/store/port.js'
import type { ReadModelStore } from '../../src/read-model/port.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { openDatabase } from '../../src/store/sqlite/open-database.js'

/**
 * Runs in its own process so its peak RSS is the rebuild's alone:
 *   rebuild-child.ts product     <ledger.db>   drop and rebuild every projection
 *   rebuild-child.ts baseline    <ledger.db>   scan the events table, JSON.parse every row
 *   rebuild-child.ts pg-product  <postgres://> the same on PostgreSQL
 *   rebuild-child.ts pg-baseline <postgres://> keyset-paged scan; the driver JSON.parses the json columns
 * Progress goes to stderr as "progress <done> <total>"; the last stdout line
 * is the JSON result { events, seconds, cpuSeconds, maxRssMb, startRssMb }.
 */
const [mode, path] = process.argv.slice(2)
const modes = ['product', 'baseline', 'pg-product', 'pg-baseline']
if (!mode || !modes.includes(mode) || !path) {
  process.stderr.write('usage: rebuild-child.ts product|baseline <ledger.db> | pg-product|pg-baseline <postgres://...>\n')
  process.exit(2)
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024

async function product(backend: { store: EventStore; readModel: ReadModelStore; close(): Promise<void> }): Promise<number> {
  try {
    const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger: pino({ enabled: false }) })
    let reported = 0n
    const position = await runner.rebuild((done, total) => {
      if (done - reported < 10_000n && done !== total) return
      process.stderr.write(`progress ${done} ${total}\n`)
      reported = done
    })
    return Number(position)
  } finally {
    await backend.close()
  }
}

function baseline(file: string): number {
  const db = openDatabase(file)
  try {
    let n = 0
    for (const row of db.prepare('SELECT position, stream, revision, id, type, schema_version, data, metadata, hash, prev_hash FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data)
      JSON.parse(row.metadata)
      n++
    }
    return n
  } finally {
    db.close()
  }
}

const rssBefore = maxRssMb()
const cpuBefore = process.cpuUsage()
const started = performance.now()
async function postgresBaseline(connectionString: string): Promise<number> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    let n = 0
    let after = '0'
    for (;;) {
      const { rows } = await client.query<{ position: string }>({
        name: 'scan',
        text: 'SELECT position, stream, revision, id, type, schema_version, data, metadata, hash, prev_hash FROM events WHERE position > $1 ORDER BY position LIMIT 5000',
        values: [after],
      })
      if (rows.length === 0) return n
      n += rows.length
      after = rows.at(-1)!.position
    }
  } finally {
    await client.end()
  }
}

const silent = pino({ enabled: false })
const events =
  mode === 'product'
    ? await product(await openSqliteBackend({ path, logger: silent }))
    : mode === 'baseline'
      ? baseline(path)
      : mode === 'pg-product'
        ? await product(await openPostgresBackend({ connectionString: path, logger: silent }))
        : await postgresBaseline(path)
const seconds = (performance.now() - started) / 1000
// CPU time (user + system) besides wall time: on a shared machine it says what the work costs without the waiting.
const cpu = process.cpuUsage(cpuBefore)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
process.stdout.write(`${JSON.stringify({ events, seconds, cpuSeconds, maxRssMb: maxRssMb(), startRssMb: rssBefore })}\n`)
