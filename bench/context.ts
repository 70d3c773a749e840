import { join } from 'node:path'
import { pino } from 'pino'
import { importEvents } from '../src/interchange/import-events.js'
import { createSqliteEventStore } from '../src/store/sqlite/create-sqlite-event-store.js'
import { writeLedgerNdjson } from './ledger-ndjson.js'
import type { BenchProgress } from './progress.js'

/** What every scenario gets: where to put files, how long to measure, and the shared generated ledger. */
export interface BenchContext {
  workDir: string
  quick: boolean
  /** Events in the generated ledger (import, rebuild, HTTP). */
  events: number
  /** Alternating rounds per side for the short throughput scenarios, and each round's length. */
  rounds: number
  roundMs: number
  progress: BenchProgress
  /** The generated ledger as NDJSON, `count` events long (default `events`; each size written once per run). */
  ledgerNdjson(count?: number): Promise<{ path: string; payloadBytes: number }>
  /** A SQLite ledger file holding the generated ledger (imported once per run unless a scenario hands one in). */
  ledgerDb(): Promise<string>
  /** importBulk's product run leaves exactly that file behind: later scenarios reuse it. */
  offerLedgerDb(path: string): void
  /** Scenarios that could not run, with why. */
  skip(name: string, reason: string): void
}

export function createBenchContext(options: Omit<BenchContext, 'ledgerNdjson' | 'ledgerDb' | 'offerLedgerDb' | 'skip'> & { onSkip: (name: string, reason: string) => void }): BenchContext {
  const ndjson = new Map<number, Promise<{ path: string; payloadBytes: number }>>()
  let ledgerDb: Promise<string> | null = null
  const { onSkip, ...rest } = options
  const context: BenchContext = {
    ...rest,
    ledgerNdjson(count = options.events) {
      let file = ndjson.get(count)
      if (!file) {
        file = (async () => {
          const path = join(options.workDir, `ledger-${count}.ndjson`)
          const started = performance.now()
          const written = await writeLedgerNdjson(path, count, (n) => options.progress.status(`generating the ledger: ${n.toLocaleString('en-US')} / ${count.toLocaleString('en-US')} events`))
          options.progress.done(`generated ${written.events.toLocaleString('en-US')} ledger events (${Math.round(written.payloadBytes)} bytes of JSON each) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
          return { path, payloadBytes: written.payloadBytes }
        })()
        ndjson.set(count, file)
      }
      return file
    },
    ledgerDb() {
      ledgerDb ??= (async () => {
        const { path: source } = await context.ledgerNdjson()
        const path = join(options.workDir, 'ledger.db')
        const store = await createSqliteEventStore({ path, logger: pino({ enabled: false }) })
        try {
          const result = await importEvents(store, source, { onProgress: (n) => n % 10_000 === 0 && options.progress.status(`loading the ledger: ${n.toLocaleString('en-US')} events`) })
          if (!result.ok) throw new Error(`loading the generated ledger failed: ${result.message}`)
        } finally {
          await store.close()
        }
        return path
      })()
      return ledgerDb
    },
    offerLedgerDb(path) {
      ledgerDb ??= Promise.resolve(path)
    },
    skip: onSkip,
  }
  return context
}
