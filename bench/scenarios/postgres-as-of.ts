import { pino } from 'pino'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import { createFactQueries } from '../../src/read/fact-queries.js'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { loadAsOfLedger } from '../as-of-ledger.js'
import type { BenchContext } from '../context.js'
import { createBenchDatabase, postgresUnavailable } from '../postgres-database.js'
import type { ScenarioResult } from '../results.js'
import { AS_OF_CLAIMS } from './as-of-query.js'
import { measureAsOf } from './as-of-measure.js'
import { postgresRebuildEvents } from './postgres.js'

/**
 * asOfQuery on PostgreSQL: the same fact and queries, after the generated
 * ledger of the PostgreSQL rebuild's size (a tenth of `--events` in a quick
 * run); skipped, with the reason, when no server answers.
 */
export async function pgAsOfQuery(ctx: BenchContext): Promise<ScenarioResult[]> {
  const unavailable = await postgresUnavailable()
  if (unavailable) {
    ctx.skip('pgAsOfQuery', unavailable)
    return []
  }
  const { path } = await ctx.ledgerNdjson(postgresRebuildEvents(ctx))
  const database = await createBenchDatabase('asof')
  try {
    const backend = await openPostgresBackend({ connectionString: database.connectionString, logger: pino({ enabled: false }) })
    try {
      ctx.progress.status(`pg asOfQuery: loading the ledger and a fact with ${AS_OF_CLAIMS} claims`)
      const { factId, positions, recordedAt } = await loadAsOfLedger(backend.store, path, AS_OF_CLAIMS, (n) => n % 10_000 === 0 && ctx.progress.status(`pg asOfQuery: loading the ledger, ${n.toLocaleString('en-US')} events`))
      const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger: pino({ enabled: false }) })
      await runner.catchUp((done, total) => ctx.progress.status(`pg asOfQuery: projecting ${done} / ${total} events`))
      const pool = backend.store.pool
      return await measureAsOf({
        label: 'pg asOfQuery',
        facts: createFactQueries(backend),
        factId,
        claims: AS_OF_CLAIMS,
        ledgerEvents: await backend.store.headPosition(),
        positions,
        recordedAt,
        raw: async (position) => {
          const { rows } = await pool.query<{ view: string }>(
            `SELECT coalesce((SELECT view::text FROM rm_fact_view_history WHERE fact_id = $1 AND position <= $2 ORDER BY position DESC LIMIT 1),
                             (SELECT view::text FROM rm_fact_view_history WHERE fact_id = $1 ORDER BY position DESC LIMIT 1)) AS view`,
            [factId, position.toString()],
          )
          return JSON.parse(rows[0]!.view) as unknown
        },
        quick: ctx.quick,
        status: (text) => ctx.progress.status(text),
      })
    } finally {
      await backend.close()
    }
  } finally {
    await database.drop()
  }
}
