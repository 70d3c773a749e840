import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import fc from 'fast-check'
import { parseQuantity } from '../../events/quantity/parse.js'
import { describeInterval, displayQuantity, formatNumber } from '../../projections/facts/display.js'
import { q } from './ledger-builder.js'

t.test('numbers get thousands separators and at most two decimals', async (t) => {
  t.equal(formatNumber(21), '21')
  t.equal(formatNumber(2400), '2,400')
  t.equal(formatNumber(1234567), '1,234,567')
  t.equal(formatNumber(3.5), '3.5')
  t.equal(formatNumber(171.004), '171')
  t.equal(formatNumber(0), '0')
  t.equal(formatNumber(-2400), '-2,400')
})

t.test('round millions, billions and trillions read as words; other large figures as digits', async (t) => {
  t.equal(formatNumber(15e6), '15 million')
  t.equal(formatNumber(2.5e9), '2.5 billion')
  t.equal(formatNumber(1.15e6), '1.15 million')
  t.equal(formatNumber(3e12), '3 trillion')
  t.equal(formatNumber(1234567.5), '1,234,567.5')
  t.equal(formatNumber(999_999), '999,999')
})

t.test('currencies print with their sign; other units are left to the question', async (t) => {
  t.equal(formatNumber(15e6, { unit: 'USD' }), '$15 million')
  t.equal(formatNumber(1200, { unit: 'USD' }), '$1,200')
  t.equal(formatNumber(-1200, { unit: 'USD' }), '-$1,200')
  t.equal(formatNumber(3e9, { unit: 'EUR' }), '€3 billion')
  t.equal(formatNumber(40e6, { unit: 'GBP' }), '£40 million')
  t.equal(formatNumber(180, { unit: 'persons' }), '180')
})

t.test('money keeps both decimals of its cents; other figures drop trailing zeros', async (t) => {
  t.equal(formatNumber(4.5, { unit: 'USD' }), '$4.50')
  t.equal(formatNumber(-3.75, { unit: 'USD' }), '-$3.75')
  t.equal(formatNumber(1234.1, { unit: 'EUR' }), '€1,234.10')
  t.equal(formatNumber(4, { unit: 'USD' }), '$4', 'a whole amount has no cents')
  t.equal(formatNumber(4.5e6, { unit: 'USD' }), '$4.5 million', 'a scaled amount is said in words, not cents')
  t.equal(formatNumber(4.5), '4.5')
  t.equal(formatNumber(4.5, { unit: '%' }), '4.5%')
})

t.test('a share reads with a percent sign, from the "%" unit or a percent fact', async (t) => {
  t.equal(formatNumber(4.2, { unit: '%' }), '4.2%')
  t.equal(formatNumber(50, { kind: 'percent' }), '50%')
  const q = parseQuantity('nearly half')
  t.ok(q.ok)
  if (q.ok) t.equal(displayQuantity(q.quantity), 'nearly 50%')
  t.equal(describeInterval({ lower: 3, upper: 4, lowerInclusive: true, upperInclusive: true }, { kind: 'percent' }), 'between 3% and 4%')
})

t.test('a date fact reads its days since 1970 as a calendar date', async (t) => {
  const day = Date.UTC(2024, 10, 27) / 86_400_000
  t.equal(formatNumber(day, { kind: 'date' }), '2024-11-27')
  t.equal(describeInterval({ lower: day, upper: null, lowerInclusive: false, upperInclusive: false }, { kind: 'date' }), 'after 2024-11-27')
  t.equal(describeInterval({ lower: 0, upper: day, lowerInclusive: true, upperInclusive: true }, { kind: 'date' }), 'between 1970-01-01 and 2024-11-27')
})

t.test('a hedged value reads as the source said it', async (t) => {
  const cases: Array<[string, string]> = [
    ['21', '21'],
    ['twenty-one', '21'],
    ['more than 2,400', 'more than 2,400'],
    ['More than 2,000', 'more than 2,000'],
    ['at least 100', 'at least 100'],
    ['fewer than 10', 'fewer than 10'],
    ['at most 10', 'at most 10'],
    ['up to $15 million', 'up to $15 million'],
    ['nearly 2,000', 'nearly 2,000'],
    ['about 180', 'about 180'],
    ['between 15 and 20', 'between 15 and 20'],
    ['$15 million', '$15 million'],
  ]
  for (const [phrase, said] of cases) t.equal(displayQuantity(q(phrase)), said, phrase)
})

t.test('a dated hedge reads in words of time', async (t) => {
  const day = Date.UTC(2024, 8, 3) / 86_400_000
  const base = { text: 'x', stated: [day], lower: day, upper: null, lowerInclusive: false, upperInclusive: false }
  t.equal(displayQuantity({ ...base, hedge: 'more-than' }, { kind: 'date' }), 'after 2024-09-03')
  t.equal(displayQuantity({ ...base, hedge: 'nearly' }, { kind: 'date' }), 'shortly before 2024-09-03')
  t.equal(displayQuantity({ ...base, hedge: 'exact' }, { kind: 'date' }), '2024-09-03')
})

t.test('a computed interval is described exactly, bound by bound', async (t) => {
  const i = (lower: number | null, upper: number | null, lowerInclusive: boolean, upperInclusive: boolean) => ({ lower, upper, lowerInclusive, upperInclusive })
  t.equal(describeInterval(i(21, 21, true, true)), '21')
  t.equal(describeInterval(i(2400, null, false, false)), 'more than 2,400')
  t.equal(describeInterval(i(100, null, true, false)), 'at least 100')
  t.equal(describeInterval(i(0, 10, true, false)), 'fewer than 10')
  t.equal(describeInterval(i(null, 10, false, true)), 'at most 10')
  t.equal(describeInterval(i(15, 20, true, true)), 'between 15 and 20')
  t.equal(describeInterval(i(20, 25, false, true)), 'more than 20 and at most 25')
  t.equal(describeInterval(i(1800, 2000, true, false)), 'at least 1,800 and fewer than 2,000')
  t.equal(describeInterval(i(0, 10, false, false)), 'more than 0 and fewer than 10')
  t.equal(describeInterval(i(0, 15e6, true, true), { unit: 'USD' }), 'at most $15 million')
  t.equal(describeInterval(i(null, null, false, false)), 'any value')
  t.equal(describeInterval(i(5, 4, true, true)), 'no value')
})

t.test('every parsed figure displays as a phrase that parses back to the same hedge and numbers', async (t) => {
  const hedges = ['', 'more than ', 'at least ', 'fewer than ', 'up to ', 'nearly ', 'about ']
  await assertProperty(
    t,
    fc.property(fc.constantFrom(...hedges), fc.integer({ min: 1, max: 10_000_000 }), (hedge, n) => {
      const original = q(`${hedge}${n}`)
      const again = parseQuantity(displayQuantity(original))
      return again.ok && again.quantity.hedge === original.hedge && again.quantity.stated[0] === original.stated[0]
    }),
  )
})
