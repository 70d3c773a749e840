import { pino } from 'pino'
import { importEvents } from '../../src/interchange/import-events.js'
import { createLedgerTree, type LedgerTree } from '../../src/ledger/tamper/ledger-tree.js'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import type { BenchContext } from '../context.js'
import { percentile, seconds } from '../measure.js'
import { createBenchDatabase, postgresUnavailable } from '../postgres-database.js'
import { createRandom } from '../random.js'
import { type ScenarioResult, scenario } from '../results.js'
import { postgresRebuildEvents } from './postgres.js'

/** Proofs asked for per backend (half inclusion, half consistency), after a warm-up of a tenth as many. */
const PROOFS = 2_000

/**
 * The stored Merkle tree: how fast it is built from the log (the catch-up a
 * server does once on an existing ledger), then the p99 of an inclusion proof
 * for a random event and of a consistency proof from a random earlier size to
 * the current head, as GET /ledger/proof and /ledger/consistency compute them
 * (catch-up check included). Target from issue #18: p99 under 5 ms.
 */
async function measureTree(ctx: BenchContext, label: string, tree: LedgerTree, events: number): Promise<ScenarioResult[]> {
  ctx.progress.status(`${label}ledgerProofs: building the stored tree over ${events.toLocaleString('en-US')} events`)
  const started = performance.now()
  const extent = await tree.catchUp()
  const buildSeconds = seconds(started)
  if (extent.size !== events) throw new Error(`the tree holds ${extent.size} leaves, the ledger ${events} events`)
  const random = createRandom(18)
  const sample = async (kind: 'inclusion' | 'consistency'): Promise<number> => {
    const t0 = performance.now()
    const result = kind === 'inclusion' ? await tree.inclusion(BigInt(1 + random.int(extent.size))) : await tree.consistency(1 + random.int(extent.size - 1), extent.size)
    if (!result.ok) throw new Error(`${kind} proof failed: ${result.error.code}`)
    return performance.now() - t0
  }
  const inclusion: number[] = []
  const consistency: number[] = []
  for (let i = 0; i < PROOFS / 10; i++) await sample(i % 2 ? 'inclusion' : 'consistency')
  for (let i = 0; i < PROOFS / 2; i++) {
    inclusion.push(await sample('inclusion'))
    consistency.push(await sample('consistency'))
    if (i % 100 === 0) ctx.progress.status(`${label}ledgerProofs: ${2 * i} proofs`)
  }
  const at = `${events.toLocaleString('en-US')} events`
  const target = { maxValue: 5, text: '< 5 ms' }
  return [
    scenario({ name: `${label}treeBuild`, value: events / buildSeconds, unit: 'events/s', baseline: null, note: `stored Merkle tree caught up from an existing log of ${at} (leaves + interior nodes written)` }),
    scenario({ name: `${label}inclusionProof p99`, value: percentile(inclusion, 99), unit: 'ms', baseline: null, note: `tree.inclusion for a random event at ${at}, ${PROOFS / 2} proofs (median ${percentile(inclusion, 50).toFixed(3)} ms)`, target }),
    scenario({ name: `${label}consistencyProof p99`, value: percentile(consistency, 99), unit: 'ms', baseline: null, note: `tree.consistency from a random size to the head at ${at}, ${PROOFS / 2} proofs (median ${percentile(consistency, 50).toFixed(3)} ms)`, target }),
  ]
}

export async function ledgerProofs(ctx: BenchContext): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = []
  const sqlite = await openSqliteBackend({ path: await ctx.ledgerDb(), logger: pino({ enabled: false }) })
  try {
    results.push(...(await measureTree(ctx, '', createLedgerTree(sqlite.store, sqlite.treeStore), ctx.events)))
  } finally {
    await sqlite.close()
  }
  const unavailable = await postgresUnavailable()
  if (unavailable) {
    ctx.skip('pg ledgerProofs', unavailable)
    return results
  }
  // Issue #18 asks for the p99 at 1,000,000 events on both backends, so the
  // full run imports the whole ledger (~7,000 events/s, a few minutes); a
  // quick run keeps the rebuild scenario's smaller size.
  const count = ctx.quick ? postgresRebuildEvents(ctx) : ctx.events
  const { path } = await ctx.ledgerNdjson(count)
  const database = await createBenchDatabase('proofs')
  try {
    const pg = await openPostgresBackend({ connectionString: database.connectionString, logger: pino({ enabled: false }) })
    try {
      const loaded = await importEvents(pg.store, path, { onProgress: (n) => n % 10_000 === 0 && ctx.progress.status(`pg ledgerProofs: importing, ${n.toLocaleString('en-US')} events`) })
      if (!loaded.ok) throw new Error(`pg import refused the generated ledger: ${loaded.message}`)
      results.push(...(await measureTree(ctx, 'pg ', createLedgerTree(pg.store, pg.treeStore), count)))
    } finally {
      await pg.close()
    }
  } finally {
    await database.drop()
  }
  return results
}
