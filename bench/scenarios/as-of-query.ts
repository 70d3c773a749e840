import { join } from 'node:path'
import { pino } from 'pino'
import { createFactQueries } from '../../src/read/fact-queries.js'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { loadAsOfLedger } from '../as-of-ledger.js'
import type { BenchContext } from '../context.js'
import type { ScenarioResult } from '../results.js'
import { measureAsOf } from './as-of-measure.js'

export const AS_OF_CLAIMS = 1_000

/**
 * asOfQuery on SQLite: the generated ledger (`--events`), then a fact with
 * 1,000 claims after it, projected by one catch-up, then queried as of its
 * past (as-of-measure.ts).
 */
export async function asOfQuery(ctx: BenchContext): Promise<ScenarioResult[]> {
  const backend = await openSqliteBackend({ path: join(ctx.workDir, 'as-of.db'), logger: pino({ enabled: false }) })
  try {
    const { path } = await ctx.ledgerNdjson()
    ctx.progress.status(`asOfQuery: loading the ledger and a fact with ${AS_OF_CLAIMS} claims`)
    const { factId, positions, recordedAt } = await loadAsOfLedger(backend.store, path, AS_OF_CLAIMS, (n) => n % 10_000 === 0 && ctx.progress.status(`asOfQuery: loading the ledger, ${n.toLocaleString('en-US')} events`))
    const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger: pino({ enabled: false }) })
    await runner.catchUp((done, total) => ctx.progress.status(`asOfQuery: projecting ${done} / ${total} events`))
    const row = backend.store.database.prepare('SELECT view FROM rm_fact_view_history WHERE fact_id = ? AND position <= ? ORDER BY position DESC LIMIT 1').pluck()
    const latestRow = backend.store.database.prepare('SELECT view FROM rm_fact_view_history WHERE fact_id = ? ORDER BY position DESC LIMIT 1').pluck()
    return await measureAsOf({
      label: 'asOfQuery',
      facts: createFactQueries(backend),
      factId,
      claims: AS_OF_CLAIMS,
      ledgerEvents: await backend.store.headPosition(),
      positions,
      recordedAt,
      raw: async (position) => JSON.parse((row.get(factId, position) ?? latestRow.get(factId)) as string) as unknown,
      quick: ctx.quick,
      status: (text) => ctx.progress.status(text),
    })
  } finally {
    await backend.close()
  }
}
