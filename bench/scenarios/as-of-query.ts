import { join } from 'node:path'
import { pino } from 'pino'
import { createFactQueries } from '../../src/read/fact-queries.js'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { appendHeavilyClaimedFact } from '../as-of-ledger.js'
import type { BenchContext } from '../context.js'
import { percentile } from '../measure.js'
import { createRandom } from '../random.js'
import { type ScenarioResult, scenario } from '../results.js'

const CLAIMS = 1_000

/** Latency of each query, in ms. Several queries are interleaved per turn so a pause (GC, a neighbour's burst) hits each alike. */
async function latencies(count: number, queries: Array<(i: number) => unknown>): Promise<number[][]> {
  const samples = queries.map(() => [] as number[])
  for (let i = 0; i < count; i++) {
    for (const [k, query] of queries.entries()) {
      const started = performance.now()
      const result = await query(i)
      samples[k]!.push(performance.now() - started)
      if (!result) throw new Error('asOfQuery: a query found no view')
    }
  }
  return samples
}

/**
 * A fact with 1,000 claims, asked for as of a past ledger position
 * (facts.getFact(id, { asOf })) at random points of its history: p50 and p99
 * latency, against the raw indexed SELECT of the same history row plus
 * JSON.parse. Also the same question with asOf given as a timestamp, which
 * first resolves the timestamp to a position by binary search over the log.
 */
export async function asOfQuery(ctx: BenchContext): Promise<ScenarioResult[]> {
  const backend = await openSqliteBackend({ path: join(ctx.workDir, 'as-of.db'), logger: pino({ enabled: false }) })
  try {
    ctx.progress.status(`asOfQuery: recording a fact with ${CLAIMS} claims`)
    const { factId, positions, recordedAt } = await appendHeavilyClaimedFact(backend.store, CLAIMS)
    const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger: pino({ enabled: false }) })
    await runner.catchUp((done, total) => ctx.progress.status(`asOfQuery: projecting ${done} / ${total} events`))
    const facts = createFactQueries(backend)
    const random = createRandom(99)
    const count = ctx.quick ? 2_000 : 10_000
    const picks = Array.from({ length: count }, () => random.int(positions.length - 1))
    // The least an as-of read of this fact can cost: one indexed row of its view JSON, parsed.
    const raw = backend.store.database.prepare('SELECT view FROM rm_fact_view_history WHERE fact_id = ? AND position <= ? ORDER BY position DESC LIMIT 1').pluck()
    const latestRow = backend.store.database.prepare('SELECT view FROM rm_fact_view_history WHERE fact_id = ? ORDER BY position DESC LIMIT 1').pluck()
    ctx.progress.status('asOfQuery: querying')
    // Warm both paths (statement caches, JIT) before measuring.
    const rawQuery = (i: number) => JSON.parse((raw.get(factId, positions[picks[i]!]!) ?? latestRow.get(factId)) as string) as unknown
    const productQuery = (i: number) => facts.getFact(factId, { asOf: positions[picks[i]!]! })
    await latencies(100, [rawQuery, productQuery])
    const [baseline, product] = (await latencies(count, [rawQuery, productQuery])) as [number[], number[]]
    const [byTime] = (await latencies(Math.min(count, 1_000), [(i) => facts.getFact(factId, { asOf: recordedAt[picks[i]!]! })])) as [number[]]
    // Combined clocks are reconciled from the fact's events at that position: fewer queries, each heavier.
    const combined = ctx.quick ? 100 : 300
    const knownAt = (i: number) => recordedAt[Math.max(0, picks[i]! - 50)]!
    const [withKnownAt, withValidAt] = (await latencies(combined, [
      (i) => facts.getFact(factId, { asOf: positions[picks[i]!]!, knownAt: knownAt(i) }),
      (i) => facts.getFact(factId, { asOf: positions[picks[i]!]!, validAt: knownAt(i) }),
    ])) as [number[], number[]]
    const latest = JSON.stringify(await facts.getFact(factId, { asOf: positions.at(-1)! }))
    const note = `facts.getFact(id, { asOf: position }) on a fact with ${CLAIMS} claims (its latest view is ${Math.round(latest.length / 1024)} KB of JSON), ${count} queries at random past positions, vs the raw indexed SELECT of a stored view row of that fact (the one at or before the position, else its latest) + JSON.parse`
    return [
      scenario({ name: 'asOfQuery p50', value: percentile(product, 50), unit: 'ms', baseline: percentile(baseline, 50), note }),
      scenario({ name: 'asOfQuery p99', value: percentile(product, 99), unit: 'ms', baseline: percentile(baseline, 99), note, target: { maxValue: 5, text: '< 5 ms' } }),
      scenario({
        name: 'asOfQuery p99 (timestamp)',
        value: percentile(byTime, 99),
        unit: 'ms',
        baseline: null,
        note: 'the same with asOf given as an ISO timestamp (binary search over the log for its position, then the view at it)',
        target: { maxValue: 5, text: '< 5 ms' },
      }),
      scenario({
        name: 'asOfQuery p99 (asOf + knownAt)',
        value: percentile(withKnownAt, 99),
        unit: 'ms',
        baseline: null,
        note: `facts.getFact(id, { asOf, knownAt }) at ${combined} random past positions: reconciled from the fact's indexed events up to asOf`,
        target: { maxValue: 5, text: '< 5 ms' },
      }),
      scenario({
        name: 'asOfQuery p99 (asOf + validAt)',
        value: percentile(withValidAt, 99),
        unit: 'ms',
        baseline: null,
        note: `facts.getFact(id, { asOf, validAt }) at ${combined} random past positions`,
        target: { maxValue: 5, text: '< 5 ms' },
      }),
    ]
  } finally {
    await backend.close()
  }
}
