import type { FactQueries } from '../../src/read/fact-queries.js'
import { percentile } from '../measure.js'
import { createRandom } from '../random.js'
import { type ScenarioResult, scenario } from '../results.js'

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

export interface AsOfSubject {
  /** 'asOfQuery' or 'pg asOfQuery': the prefix of every line. */
  label: string
  facts: FactQueries
  factId: string
  claims: number
  /** Events in the log the fact sits in. */
  ledgerEvents: bigint
  /** The fact's claim positions and their recordedAt: the past the queries ask about. */
  positions: bigint[]
  recordedAt: string[]
  /** The least an as-of read can cost: the indexed SELECT of a stored view row of the fact, parsed. */
  raw(position: bigint): Promise<unknown>
  quick: boolean
  status(text: string): void
}

/**
 * A fact with many claims, asked for as of a past ledger position at random
 * points of its history (facts.getFact(id, { asOf })): p50 and p99 latency
 * against the raw indexed read of a stored view row; the same with asOf as a
 * timestamp (resolved to a position by binary search over the log), and
 * asOf combined with knownAt and with validAt.
 */
export async function measureAsOf(s: AsOfSubject): Promise<ScenarioResult[]> {
  const { facts, factId, positions, recordedAt } = s
  const random = createRandom(99)
  const count = s.quick ? 2_000 : 10_000
  const picks = Array.from({ length: count }, () => random.int(positions.length - 1))
  const at = (i: number) => positions[picks[i]!]!
  const rawQuery = (i: number) => s.raw(at(i))
  const productQuery = (i: number) => facts.getFact(factId, { asOf: at(i) })
  s.status(`${s.label}: querying`)
  // Warm both paths (statement caches, JIT) before measuring.
  await latencies(100, [rawQuery, productQuery])
  const [baseline, product] = (await latencies(count, [rawQuery, productQuery])) as [number[], number[]]
  const combined = s.quick ? 500 : 2_000
  // knownAt a little before the position: some claims were not public yet; validAt the same date on the world's clock.
  const earlier = (i: number) => recordedAt[Math.max(0, picks[i]! - 50)]!
  const [byTime, withKnownAt, withValidAt] = (await latencies(combined, [
    (i) => facts.getFact(factId, { asOf: recordedAt[picks[i]!]! }),
    (i) => facts.getFact(factId, { asOf: at(i), knownAt: earlier(i) }),
    (i) => facts.getFact(factId, { asOf: at(i), validAt: earlier(i) }),
  ])) as [number[], number[], number[]]
  const latest = JSON.stringify(await facts.getFact(factId, { asOf: positions.at(-1)! }))
  const where = `a fact with ${s.claims} claims (its latest view is ${Math.round(latest.length / 1024)} KB of JSON) in a ${s.ledgerEvents.toLocaleString('en-US')}-event ledger`
  const note = `facts.getFact(id, { asOf: position }) on ${where}, ${count} queries at random past positions, vs the raw indexed SELECT of a stored view row of that fact (the one at or before the position, else its latest) + JSON.parse`
  const target = { maxValue: 5, text: '< 5 ms' }
  return [
    scenario({ name: `${s.label} p50`, value: percentile(product, 50), unit: 'ms', baseline: percentile(baseline, 50), note }),
    scenario({ name: `${s.label} p99`, value: percentile(product, 99), unit: 'ms', baseline: percentile(baseline, 99), note, target }),
    scenario({ name: `${s.label} p99 (timestamp)`, value: percentile(byTime, 99), unit: 'ms', baseline: null, note: `the same with asOf given as an ISO timestamp (resolved to the last position recorded at or before it), ${combined} queries`, target }),
    scenario({ name: `${s.label} p99 (asOf + knownAt)`, value: percentile(withKnownAt, 99), unit: 'ms', baseline: null, note: `facts.getFact(id, { asOf, knownAt }) at ${combined} random past positions, on ${where}`, target }),
    scenario({ name: `${s.label} p99 (asOf + validAt)`, value: percentile(withValidAt, 99), unit: 'ms', baseline: null, note: `facts.getFact(id, { asOf, validAt }) at ${combined} random past positions`, target }),
  ]
}
