import { pino } from 'pino'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { openSqliteBackend } from '../../src/store/sqlite/open-sqlite-backend.js'
import { openDatabase } from '../../src/store/sqlite/open-database.js'

/**
 * Runs in its own process so its peak RSS is the rebuild's alone:
 *   rebuild-child.ts product  <ledger.db>   drop and rebuild every projection
 *   rebuild-child.ts baseline <ledger.db>   scan the events table, JSON.parse every row
 * Progress goes to stderr as "progress <done> <total>"; the last stdout line
 * is the JSON result { events, seconds, maxRssMb }.
 */
const [mode, path] = process.argv.slice(2)
if ((mode !== 'product' && mode !== 'baseline') || !path) {
  process.stderr.write('usage: rebuild-child.ts product|baseline <ledger.db>\n')
  process.exit(2)
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024

async function product(file: string): Promise<number> {
  const backend = await openSqliteBackend({ path: file, logger: pino({ enabled: false }) })
  try {
    const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger: pino({ enabled: false }) })
    let reported = 0n
    const position = await runner.rebuild((done, total) => {
      if (done - reported >= 10_000n || done === total) (process.stderr.write(`progress ${done} ${total}\n`), (reported = done))
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
const started = performance.now()
const events = mode === 'product' ? await product(path) : baseline(path)
const seconds = (performance.now() - started) / 1000
process.stdout.write(`${JSON.stringify({ events, seconds, maxRssMb: maxRssMb(), startRssMb: rssBefore })}\n`)
