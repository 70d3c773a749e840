import assert from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import { hedgePrefixes, hedgeSuffixes } from '../../events/quantity/hedge-words.js'
import { parseQuantity } from '../../events/quantity/parse.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import { assertProperty } from '../helpers/property.js'
import { closeTestApi, createTestApi } from './harness.js'
import { read, send } from './stories/storm-story.js'

/**
 * A figure as a newsroom prints it, of one of the three kinds of fact that
 * carry numbers: a count ("more than 2,400"), an amount ("up to $15
 * million") or a share ("nearly 12.5 percent").
 */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
const count = fc.integer({ min: 1, max: 3_000_000 })
const hedged = (number: string) =>
  fc.oneof(
    fc.constant(number),
    fc.constantFrom(...hedgePrefixes).map(([word]) => `${word} ${number}`),
    fc.constantFrom(...hedgeSuffixes).map(([word]) => `${number} ${word}`),
  )
const figure = fc.oneof(
  fc.record({ kind: fc.constant('count' as const), unit: fc.constant('homes'), phrase: count.chain((n) => hedged(grouped(n))) }),
  fc.record({ kind: fc.constant('count' as const), unit: fc.constant('homes'), phrase: fc.tuple(count, count).filter(([a, b]) => a !== b).map(([a, b]) => `between ${grouped(Math.min(a, b))} and ${grouped(Math.max(a, b))}`) }),
  fc.record({
    kind: fc.constant('amount' as const), unit: fc.constant('USD'),
    phrase: fc.oneof(count.map((n) => `$${grouped(n)}`), fc.integer({ min: 1, max: 999 }).map((n) => `$${n} million`), fc.integer({ min: 1, max: 99 }).map((n) => `${n} million dollars`)).chain((amount) => fc.oneof(fc.constant(amount), fc.constantFrom('up to', 'about', 'more than', 'nearly').map((w) => `${w} ${amount}`))),
  }),
  fc.record({ kind: fc.constant('percent' as const), unit: fc.constant('%'), phrase: fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('%', ' percent')).map(([tenths, sign]) => `${tenths / 10}${sign}`).chain(hedged) }),
)

/** RFC 4180 rows (the export quotes cells with commas, as "2,400" is). */
function csvRows(text: string): string[][] {
  const rows: string[][] = []
  for (const line of text.trimEnd().split('\r\n')) {
    const cells: string[] = []
    for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) cells.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!)
    rows.push(cells)
  }
  return rows
}

const interval = (v: Pick<Quantity, 'lower' | 'upper' | 'lowerInclusive' | 'upperInclusive'>) => ({ lower: v.lower, upper: v.upper, lowerInclusive: v.lowerInclusive, upperInclusive: v.upperInclusive })

t.test('a figure read from a quote round-trips: parsed, stored, viewed and exported, it keeps its interval and unit', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  let n = 0
  await assertProperty(
    t,
    fc.asyncProperty(figure, async ({ kind, unit, phrase }) => {
      n += 1
      const parsed = parseQuantity(phrase)
      assert.ok(parsed.ok, `"${phrase}" parses`)
      const expected = parsed.quantity
      const quote = `The utility said ${phrase} on Sunday`
      const source = await send(api, 'POST', '/sources', { publisher: 'Coastal Wire', title: `Storm ${n}`, publishedAt: '2026-02-01', origin: 'Coastal Wire', tier: 2, snapshotText: `${quote}, after the storm.` })
      const factId = `round-trip-${n}`
      await send(api, 'POST', '/facts', { factId, question: `How much, storm ${n}?`, subject: `Storm ${n}`, unit, kind })
      const claim = await send(api, 'POST', '/claims', { factId, sourceId: source.body.id, citation: { quote }, attributedTo: 'the utility', value: phrase, modality: 'reported', validAt: '2026-02-01' })
      assert.equal(claim.status, 201, JSON.stringify(claim.body))

      const stored = (await read<{ claim: { value: Quantity; citation: { verified: boolean } } }>(api, `/claims/${claim.body.id}`)).claim
      assert.deepStrictEqual(stored.value, expected, 'stored as parsed')
      assert.equal(stored.citation.verified, true)
      const view = await read<{ value: Quantity; display: string }>(api, `/facts/${factId}`)
      assert.deepStrictEqual({ ...interval(view.value), unit: view.value.unit }, { ...interval(expected), unit: expected.unit }, 'the view')
      const shown = parseQuantity(view.display)
      assert.ok(shown.ok && shown.quantity.unit === expected.unit, `the display "${view.display}" reads back in ${expected.unit ?? 'no currency'}`)
      assert.deepStrictEqual(interval(shown.quantity), interval(expected), `the display "${view.display}" reads back as the interval`)

      const res = await api.app.inject({ url: `/facts/${factId}/claims.csv` })
      const [header, row] = csvRows(res.body)
      const cell = (name: string) => row![header!.indexOf(name)]!
      const bound = (s: string) => (s === '' ? null : Number(s))
      assert.deepStrictEqual(
        { lower: bound(cell('lower')), upper: bound(cell('upper')), lowerInclusive: cell('lower_inclusive') === 'true', upperInclusive: cell('upper_inclusive') === 'true', unit: cell('unit') },
        { ...interval(expected), unit: expected.unit ?? unit },
        'the CSV export',
      )
      const events = await read<{ items: Array<{ type: string; data: { value: Quantity } }> }>(api, `/events?from=${BigInt(claim.body.position as string) - 1n}&limit=1`)
      assert.deepStrictEqual(events.items[0]!.data.value, expected, 'the event log export')
      return true
    }),
    { numRuns: 40 },
  )
})
