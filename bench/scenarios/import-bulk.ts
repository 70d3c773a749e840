import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { NewEvent } from '../../events/envelope.js'
import { importEvents } from '../../src/interchange/import-events.js'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import type { BenchContext } from '../context.js'
import { seconds } from '../measure.js'
import { openRawEventTable } from '../raw-sqlite.js'
import { type ScenarioResult, scenario } from '../results.js'
import { RAW_BATCH } from './append-concurrent.js'

/** The baseline: read the same NDJSON, JSON.parse each line, INSERT 1,000 rows per transaction. */
async function rawImport(path: string, dbPath: string): Promise<number> {
  const raw = openRawEventTable(dbPath)
  try {
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
    let batch: Array<{ stream: string; revision: number; event: NewEvent }> = []
    let n = 0
    for await (const line of lines) {
      const e = JSON.parse(line) as NewEvent & { stream: string; revision: string }
      batch.push({ stream: e.stream, revision: Number(e.revision), event: e })
      if (batch.length === RAW_BATCH) {
        raw.appendMany(batch)
        batch = []
      }
      n++
    }
    if (batch.length) raw.appendMany(batch)
    return n
  } finally {
    raw.close()
  }
}

/**
 * `importEvents` (what `factledger import` runs: every line's hash chain
 * checked, appended at its original revision, pipelined into group commit)
 * against reading the same file and inserting it raw, 1,000 rows per
 * transaction. The product's file is kept as the ledger later scenarios use.
 */
export async function importBulk(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { path, payloadBytes } = await ctx.ledgerNdjson()
  ctx.progress.status(`importBulk baseline: raw import of ${ctx.events.toLocaleString('en-US')} events`)
  let started = performance.now()
  const rawCount = await rawImport(path, join(ctx.workDir, 'import-raw.db'))
  const baseline = rawCount / seconds(started)

  const dbPath = join(ctx.workDir, 'import-product.db')
  const store = await createSqliteEventStore({ path: dbPath })
  started = performance.now()
  const result = await importEvents(store, path, {
    onProgress: (n) => n % 10_000 === 0 && ctx.progress.status(`importBulk product: ${n.toLocaleString('en-US')} / ${ctx.events.toLocaleString('en-US')} events`),
  })
  const elapsed = seconds(started)
  const stats = store.stats()
  await store.close()
  if (!result.ok) throw new Error(`importBulk: the product refused the generated ledger: ${result.message}`)
  if (result.imported !== rawCount) throw new Error(`importBulk: imported ${result.imported} events, the file has ${rawCount}`)
  ctx.offerLedgerDb(dbPath)
  return [
    scenario({
      name: 'importBulk',
      value: result.imported / elapsed,
      unit: 'events/s',
      baseline,
      note: `importEvents of ${rawCount} ledger events (${Math.round(payloadBytes)} B JSON each; ${(stats.appends / Math.max(1, stats.transactions)).toFixed(0)} appends per transaction) vs raw JSON.parse + INSERT, ${RAW_BATCH} per transaction`,
      target: { minRatio: 0.5, text: '>= 0.5' },
    }),
  ]
}
