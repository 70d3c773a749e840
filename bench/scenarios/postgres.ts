import { pino } from 'pino'
import { importEvents } from '../../src/interchange/import-events.js'
import { createPostgresEventStore } from '../../src/store/postgres/create-postgres-event-store.js'
import { childScript, runChild } from '../child-process.js'
import { createClaimEvents } from '../claim-events.js'
import type { BenchContext } from '../context.js'
import { alternate, interleaved, seconds, throughputFor } from '../measure.js'
import { createBenchDatabase, postgresUnavailable } from '../postgres-database.js'
import { openRawPostgresTable } from '../raw-postgres.js'
import { type ScenarioResult, scenario } from '../results.js'
import { CALLERS, RAW_BATCH, concurrentAppends } from './append-concurrent.js'

/** appendSingle and appendConcurrent on PostgreSQL, against raw `pg` inserts into the same database. */
async function postgresAppends(ctx: BenchContext): Promise<ScenarioResult[]> {
  const database = await createBenchDatabase('append')
  try {
    const store = await createPostgresEventStore({ connectionString: database.connectionString })
    const raw = await openRawPostgresTable(database.connectionString)
    const next = createClaimEvents(5)
    try {
      const status = (name: string) => (i: number, which: string, value: number) => ctx.progress.status(`${name} round ${i + 1}/${ctx.rounds} ${which}: ${Math.round(value)} events/s`)
      ctx.progress.status('pg appendSingle: one append of each side in turn')
      const single = await interleaved(2 * ctx.rounds * ctx.roundMs, {
        baseline: async () => {
          const { stream, event } = next()
          await raw.appendOne(stream, event)
        },
        product: async () => {
          const { stream, event } = next()
          const result = await store.append(stream, [event], { expectedRevision: 'no_stream' })
          if (!result.ok) throw new Error(`append refused: ${result.error.code}`)
        },
      })
      const concurrent = await alternate(
        ctx.rounds,
        {
          baseline: {
            round: () =>
              throughputFor(ctx.roundMs, async () => {
                await raw.appendMany(Array.from({ length: RAW_BATCH }, next))
                return RAW_BATCH
              }),
          },
          product: { round: () => concurrentAppends(store, next, ctx.roundMs) },
        },
        status('pg appendConcurrent'),
      )
      return [
        scenario({ name: 'pg appendSingle', value: single.product, unit: 'events/s', baseline: single.baseline, note: 'PostgreSQL store.append, 1 event per commit, vs raw pg INSERT per (autocommit) transaction' }),
        scenario({
          name: 'pg appendConcurrent',
          value: concurrent.product,
          unit: 'events/s',
          baseline: concurrent.baseline,
          note: `PostgreSQL, ${CALLERS} concurrent store.append callers vs raw pg multi-row INSERT of ${RAW_BATCH} events per transaction`,
        }),
      ]
    } finally {
      await raw.close()
      await store.close()
    }
  } finally {
    await database.drop()
  }
}

/**
 * Events in the PostgreSQL rebuild: a tenth of the SQLite ledger in a quick
 * run, at most 100,000 in a full one. The runner reads each document it
 * needs with its own query, one network round trip each on PostgreSQL, which
 * makes this rebuild several times slower than SQLite's (see bench/README.md);
 * a million events would take most of an hour.
 */
export function postgresRebuildEvents(ctx: Pick<BenchContext, 'quick' | 'events'>): number {
  return ctx.quick ? Math.max(1_000, Math.round(ctx.events / 10)) : Math.min(ctx.events, 100_000)
}

/** Load a generated ledger into PostgreSQL (importEvents), then rebuild its projections vs a raw paged scan. */
async function postgresRebuild(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { path } = await ctx.ledgerNdjson(postgresRebuildEvents(ctx))
  const database = await createBenchDatabase('rebuild')
  try {
    const store = await createPostgresEventStore({ connectionString: database.connectionString, logger: pino({ enabled: false }) })
    const started = performance.now()
    const loaded = await importEvents(store, path, { onProgress: (n) => n % 10_000 === 0 && ctx.progress.status(`pg: importing the ledger, ${n.toLocaleString('en-US')} events`) })
    const importSeconds = seconds(started)
    await store.close()
    if (!loaded.ok) throw new Error(`pg import refused the generated ledger: ${loaded.message}`)
    const script = childScript('rebuild-child.ts')
    ctx.progress.status('pg rebuild baseline: raw scan')
    const raw = await runChild<{ events: number; seconds: number }>(script, ['pg-baseline', database.connectionString])
    const product = await runChild<{ events: number; seconds: number; maxRssMb: number }>(script, ['pg-product', database.connectionString], (line) => {
      const m = /^progress (\d+) (\d+)$/.exec(line)
      if (m) ctx.progress.status(`pg rebuild product: ${Number(m[1]).toLocaleString('en-US')} / ${Number(m[2]).toLocaleString('en-US')} events`)
    })
    return [
      scenario({ name: 'pg importBulk', value: loaded.imported / importSeconds, unit: 'events/s', baseline: null, note: 'importEvents into PostgreSQL (setup of pg rebuild; no baseline run)' }),
      scenario({ name: 'pg rebuild', value: product.events / product.seconds, unit: 'events/s', baseline: raw.events / raw.seconds, note: `runner.rebuild on PostgreSQL of ${product.events} events (peak RSS ${Math.round(product.maxRssMb)} MB) vs a keyset-paged SELECT with the driver parsing the json columns` }),
    ]
  } finally {
    await database.drop()
  }
}

/** The PostgreSQL scenarios; skipped, with the reason, when no server answers. */
export async function postgres(ctx: BenchContext): Promise<ScenarioResult[]> {
  const unavailable = await postgresUnavailable()
  if (unavailable) {
    ctx.skip('postgres', unavailable)
    return []
  }
  return [...(await postgresAppends(ctx)), ...(await postgresRebuild(ctx))]
}
