import t from 'tap'
import { alternate, interleaved, median, percentile } from '../../bench/measure.js'
import { scenario } from '../../bench/results.js'
import { formatMachine, formatNumber, formatReportMarkdown, formatResultsMarkdown, formatResultsTable } from '../../bench/table.js'

t.test('a throughput ratio is product / baseline, and the target is met at or above minRatio', async (t) => {
  const met = scenario({ name: 'appendSingle', value: 80, unit: 'events/s', baseline: 100, target: { minRatio: 0.8, text: '>= 0.8' } })
  t.equal(met.ratio, 0.8)
  t.equal(met.met, true)
  const missed = scenario({ name: 'appendSingle', value: 79, unit: 'events/s', baseline: 100, target: { minRatio: 0.8, text: '>= 0.8' } })
  t.equal(missed.met, false)
})

t.test('a latency or memory ratio is baseline / value, so higher is better there too', async (t) => {
  const latency = scenario({ name: 'p99', value: 4, unit: 'ms', baseline: 2, target: { maxValue: 5, text: '< 5 ms' } })
  t.equal(latency.ratio, 0.5)
  t.equal(latency.met, true)
  t.equal(scenario({ name: 'p99', value: 5, unit: 'ms', baseline: 2, target: { maxValue: 5, text: '< 5 ms' } }).met, false, '5 ms is not under 5 ms')
  t.equal(scenario({ name: 'rss', value: 200, unit: 'MB', baseline: 100 }).ratio, 0.5)
})

t.test('no baseline, or a zero one, gives no ratio; no target gives no verdict', async (t) => {
  const line = scenario({ name: 'pg importBulk', value: 10, unit: 'events/s', baseline: null })
  t.equal(line.ratio, null)
  t.equal(line.met, undefined)
  t.equal(scenario({ name: 'x', value: 10, unit: 'events/s', baseline: 0 }).ratio, null)
  t.equal(scenario({ name: 'x', value: 10, unit: 'events/s', baseline: null, target: { minRatio: 0.5, text: '>= 0.5' } }).met, false, 'a ratio target without a ratio is not met')
})

t.test('formatNumber keeps three significant digits and separates thousands', async (t) => {
  t.equal(formatNumber(123_456.7), '123,457')
  t.equal(formatNumber(1_234.5), '1,235')
  t.equal(formatNumber(12.345), '12.3')
  t.equal(formatNumber(0.78612), '0.786')
  t.equal(formatNumber(0), '0')
  t.equal(formatNumber(null), '—')
  t.equal(formatNumber(Number.NaN), '—')
})

const lines = [
  scenario({ name: 'appendSingle', value: 104, unit: 'events/s', baseline: 128, target: { minRatio: 0.8, text: '>= 0.8' } }),
  scenario({ name: 'asOfQuery p99', value: 4.39, unit: 'ms', baseline: 4.89, target: { maxValue: 5, text: '< 5 ms' } }),
  scenario({ name: 'pg importBulk', value: 3497, unit: 'events/s', baseline: null }),
]

t.test('the terminal table has one row per line, with ratio, target and verdict', async (t) => {
  t.equal(
    formatResultsTable(lines),
    [
      'scenario       value  unit      baseline  ratio  target  met?',
      '-------------  -----  --------  --------  -----  ------  ----',
      'appendSingle   104    events/s  128       0.81   >= 0.8  yes',
      'asOfQuery p99  4.39   ms        4.89      1.11   < 5 ms  yes',
      'pg importBulk  3,497  events/s  —         —',
    ].join('\n'),
  )
})

t.test('the markdown table has the same cells, and a missed target says NO', async (t) => {
  const missed = scenario({ name: 'rebuild', value: 10, unit: 'events/s', baseline: 100, target: { minRatio: 0.6, text: '>= 0.6' } })
  t.equal(
    formatResultsMarkdown([missed]),
    ['| scenario | value | unit | baseline | ratio | target | met? |', '| --- | --- | --- | --- | --- | --- | --- |', '| rebuild | 10 | events/s | 100 | 0.10 | >= 0.6 | NO |'].join('\n'),
  )
})

t.test('formatMachine names cores, model, memory, Node and the run size', async (t) => {
  const machine = { cpus: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2', platform: 'linux-x64', memoryMb: 24_105 }
  t.equal(formatMachine({ machine, mode: 'quick', events: 100_000 }), '2 × AMD EPYC, 23.5 GB RAM, Node v20.20.2 (linux-x64); quick run, 100,000 events')
})

t.test('percentile is nearest-rank and median averages the middle pair', async (t) => {
  const xs = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10]
  t.equal(percentile(xs, 50), 5)
  t.equal(percentile(xs, 99), 10)
  t.equal(percentile(xs, 0), 1)
  t.equal(median(xs), 5.5)
  t.equal(median([3, 1, 2]), 2)
})

t.test('percentile and median refuse empty samples and percentiles outside 0..100', async (t) => {
  t.throws(() => percentile([], 50), /percentile of nothing/)
  t.throws(() => percentile([1], 101), RangeError)
  t.throws(() => percentile([1], Number.NaN), RangeError)
  t.throws(() => median([]), /median of nothing/)
})

t.test('formatReportMarkdown puts the machine line and every skipped scenario under the table', async (t) => {
  const machine = { cpus: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2', platform: 'linux-x64', memoryMb: 24_105 }
  const report = { machine, mode: 'quick' as const, events: 100_000, startedAt: '2026-11-23T14:00:00.000Z', durationSeconds: 95.5, scenarios: [lines[2]!], skipped: [{ name: 'postgres', reason: 'no PostgreSQL at 127.0.0.1:5432' }] }
  t.equal(
    formatReportMarkdown(report),
    [
      '| scenario | value | unit | baseline | ratio | target | met? |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| pg importBulk | 3,497 | events/s | — | — |  |  |',
      '',
      '2 × AMD EPYC, 23.5 GB RAM, Node v20.20.2 (linux-x64); quick run, 100,000 events; 95.5 s, 2026-11-23.',
      '',
      'Skipped postgres: no PostgreSQL at 127.0.0.1:5432',
    ].join('\n'),
  )
})

t.test('interleaved runs one operation of each side per turn and rates each by its own time', async (t) => {
  const calls: string[] = []
  const rates = await interleaved(20, { baseline: () => calls.push('b'), product: async () => calls.push('p') })
  t.ok(calls.length >= 2)
  t.same(calls.slice(0, 4), calls.length >= 4 ? ['b', 'p', 'b', 'p'] : calls.slice(0, 4))
  t.equal(calls.filter((c) => c === 'b').length, calls.filter((c) => c === 'p').length, 'as many of each')
  t.ok(Number.isFinite(rates.baseline) && rates.baseline > 0)
  t.ok(Number.isFinite(rates.product) && rates.product > 0)
})

t.test('alternate runs the sides in turn, round by round, and keeps each one\'s median', async (t) => {
  const order: string[] = []
  const values = { baseline: [3, 1, 2], product: [10, 30, 20] }
  const round = (side: 'baseline' | 'product') => ({ round: async () => (order.push(side), values[side].shift()!) })
  const result = await alternate(3, { baseline: round('baseline'), product: round('product') })
  t.same(order, ['baseline', 'product', 'baseline', 'product', 'baseline', 'product'])
  t.same(result, { baseline: 2, product: 20 })
})
