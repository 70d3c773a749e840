import t from 'tap'
import { parseQuantity } from '../../events/quantity/parse.js'
import { Quantity } from '../../events/quantity/quantity.js'

type Expected = Omit<Quantity, 'text'>

const ex = (x: number, unit?: string): Expected => ({
  hedge: 'exact', stated: [x], lower: x, upper: x, lowerInclusive: true, upperInclusive: true, ...(unit ? { unit } : {}),
})

const table: Array<[phrase: string, expected: Expected]> = [
  ['21', ex(21)],
  ['2,400', ex(2400)],
  ['2 400', ex(2400)],
  ['2\u00A0400', ex(2400)],
  ['2\u202F400', ex(2400)],
  ['1,234,567', ex(1234567)],
  ['0', ex(0)],
  ['3.5', ex(3.5)],
  ['fifteen', ex(15)],
  ['twenty-one', ex(21)],
  ['twenty\u2011one', ex(21)],
  ['a dozen', ex(12)],
  ['two dozen', ex(24)],
  ['one hundred and twenty', ex(120)],
  ['a thousand', ex(1000)],
  ['two thousand three hundred', ex(2300)],
  ['15 million', ex(15e6)],
  ['1.2 billion', ex(1.2e9)],
  ['1.15 million', ex(1150000)],
  ['two million', ex(2e6)],
  ['$15 million', ex(15e6, 'USD')],
  ['US$2.5 billion', ex(2.5e9, 'USD')],
  ['€3bn', ex(3e9, 'EUR')],
  ['£40m', ex(40e6, 'GBP')],
  ['$1,200', ex(1200, 'USD')],
  ['15 million dollars', ex(15e6, 'USD')],
  ['EUR 500', ex(500, 'EUR')],
  ['more than 2,400', { hedge: 'more-than', stated: [2400], lower: 2400, upper: null, lowerInclusive: false, upperInclusive: false }],
  ['More than 20', { hedge: 'more-than', stated: [20], lower: 20, upper: null, lowerInclusive: false, upperInclusive: false }],
  ['over 100', { hedge: 'more-than', stated: [100], lower: 100, upper: null, lowerInclusive: false, upperInclusive: false }],
  ['above 5', { hedge: 'more-than', stated: [5], lower: 5, upper: null, lowerInclusive: false, upperInclusive: false }],
  ['in excess of $1 billion', { hedge: 'more-than', stated: [1e9], lower: 1e9, upper: null, lowerInclusive: false, upperInclusive: false, unit: 'USD' }],
  ['more than a dozen', { hedge: 'more-than', stated: [12], lower: 12, upper: null, lowerInclusive: false, upperInclusive: false }],
  ['at least 100', { hedge: 'at-least', stated: [100], lower: 100, upper: null, lowerInclusive: true, upperInclusive: false }],
  ['no fewer than 30', { hedge: 'at-least', stated: [30], lower: 30, upper: null, lowerInclusive: true, upperInclusive: false }],
  ['100 or more', { hedge: 'at-least', stated: [100], lower: 100, upper: null, lowerInclusive: true, upperInclusive: false }],
  ['nearly 2,000', { hedge: 'nearly', stated: [2000], lower: 1800, upper: 2000, lowerInclusive: true, upperInclusive: false }],
  ['almost 50', { hedge: 'nearly', stated: [50], lower: 45, upper: 50, lowerInclusive: true, upperInclusive: false }],
  ['close to 1,000', { hedge: 'nearly', stated: [1000], lower: 900, upper: 1000, lowerInclusive: true, upperInclusive: false }],
  ['about 180', { hedge: 'about', stated: [180], lower: 171, upper: 189, lowerInclusive: true, upperInclusive: true }],
  ['around 200', { hedge: 'about', stated: [200], lower: 190, upper: 210, lowerInclusive: true, upperInclusive: true }],
  ['roughly 40', { hedge: 'about', stated: [40], lower: 38, upper: 42, lowerInclusive: true, upperInclusive: true }],
  ['some 200', { hedge: 'about', stated: [200], lower: 190, upper: 210, lowerInclusive: true, upperInclusive: true }],
  ['approximately 1,000', { hedge: 'about', stated: [1000], lower: 950, upper: 1050, lowerInclusive: true, upperInclusive: true }],
  ['an estimated 3 million', { hedge: 'about', stated: [3e6], lower: 2.85e6, upper: 3.15e6, lowerInclusive: true, upperInclusive: true }],
  ['up to $15 million', { hedge: 'up-to', stated: [15e6], lower: 0, upper: 15e6, lowerInclusive: true, upperInclusive: true, unit: 'USD' }],
  ['as many as 20,000', { hedge: 'up-to', stated: [20000], lower: 0, upper: 20000, lowerInclusive: true, upperInclusive: true }],
  ['fewer than 10', { hedge: 'fewer-than', stated: [10], lower: 0, upper: 10, lowerInclusive: true, upperInclusive: false }],
  ['less than 10', { hedge: 'fewer-than', stated: [10], lower: 0, upper: 10, lowerInclusive: true, upperInclusive: false }],
  ['under 10', { hedge: 'fewer-than', stated: [10], lower: 0, upper: 10, lowerInclusive: true, upperInclusive: false }],
  ['at most 10', { hedge: 'at-most', stated: [10], lower: 0, upper: 10, lowerInclusive: true, upperInclusive: true }],
  ['no more than 10', { hedge: 'at-most', stated: [10], lower: 0, upper: 10, lowerInclusive: true, upperInclusive: true }],
  ['between 15 and 20', { hedge: 'between', stated: [15, 20], lower: 15, upper: 20, lowerInclusive: true, upperInclusive: true }],
  ['15-20', { hedge: 'between', stated: [15, 20], lower: 15, upper: 20, lowerInclusive: true, upperInclusive: true }],
  ['15\u201320', { hedge: 'between', stated: [15, 20], lower: 15, upper: 20, lowerInclusive: true, upperInclusive: true }],
  ['15 to 20', { hedge: 'between', stated: [15, 20], lower: 15, upper: 20, lowerInclusive: true, upperInclusive: true }],
  ['from 1,000 to 2,000', { hedge: 'between', stated: [1000, 2000], lower: 1000, upper: 2000, lowerInclusive: true, upperInclusive: true }],
  ['15 to 20 million', { hedge: 'between', stated: [15e6, 20e6], lower: 15e6, upper: 20e6, lowerInclusive: true, upperInclusive: true }],
  ['$10-15 million', { hedge: 'between', stated: [10e6, 15e6], lower: 10e6, upper: 15e6, lowerInclusive: true, upperInclusive: true, unit: 'USD' }],
  ['between 500,000 and 2 million', { hedge: 'between', stated: [5e5, 2e6], lower: 5e5, upper: 2e6, lowerInclusive: true, upperInclusive: true }],
  ['between one hundred and twenty and two hundred', { hedge: 'between', stated: [120, 200], lower: 120, upper: 200, lowerInclusive: true, upperInclusive: true }],
]

t.test('each phrase news reports use parses to its exact quantity, keeping the phrase as text', async (t) => {
  for (const [phrase, expected] of table) {
    const result = parseQuantity(phrase)
    t.same(result, { ok: true, quantity: { text: phrase, ...expected } }, phrase)
    if (result.ok) t.ok(Quantity.safeParse(result.quantity).success, `${phrase} satisfies the Quantity schema`)
  }
})

t.test('a share reads with the unit "%": digits with %, percent or per cent, and the exact fraction words', async (t) => {
  const read = (phrase: string) => {
    const r = parseQuantity(phrase)
    return r.ok ? [r.quantity.hedge, r.quantity.stated, r.quantity.unit] : r.error.code
  }
  t.same(read('4.2%'), ['exact', [4.2], '%'])
  t.same(read('3.1 percent'), ['exact', [3.1], '%'])
  t.same(read('12 per cent'), ['exact', [12], '%'])
  t.same(read('about 40%'), ['about', [40], '%'])
  t.same(read('between 3 and 4 percent'), ['between', [3, 4], '%'])
  t.same(read('3% to 4%'), ['between', [3, 4], '%'])
  t.same(read('nearly half'), ['nearly', [50], '%'])
  t.same(read('three quarters'), ['exact', [75], '%'])
  t.same(read('one in eight'), ['exact', [12.5], '%'])
  t.same(read('nearly 3 in 10'), ['nearly', [30], '%'])
  t.same(read('five in three'), 'UnparseableQuantity')
  t.same(read('more than a fifth'), ['more-than', [20], '%'])
  t.same(read('a tenth'), ['exact', [10], '%'])
  t.equal(read('$5%'), 'UnparseableQuantity', 'a currency is not a share')
  t.equal(read('5 million percent'), 'UnparseableQuantity', 'a scale word is not a share')
  t.equal(read('%'), 'UnparseableQuantity', 'a sign with no number')
})

t.test('text is the phrase trimmed, with its typography untouched', async (t) => {
  const result = parseQuantity('  \u200Fmore\u00A0than 2\u202F400\u200F \n')
  t.ok(result.ok)
  if (result.ok) {
    t.equal(result.quantity.text, '\u200Fmore\u00A0than 2\u202F400\u200F')
    t.equal(result.quantity.hedge, 'more-than')
    t.same(result.quantity.stated, [2400])
  }
})

t.test('tolerances come from options when given', async (t) => {
  const about = parseQuantity('about 100', { aboutTolerance: 0.2 })
  t.same(about.ok && [about.quantity.lower, about.quantity.upper], [80, 120])
  const nearly = parseQuantity('nearly 100', { nearlyTolerance: 0.25 })
  t.same(nearly.ok && [nearly.quantity.lower, nearly.quantity.upper], [75, 100])
})

t.test('an impossible tolerance is a programming error and throws', async (t) => {
  t.throws(() => parseQuantity('about 100', { aboutTolerance: -0.1 }), RangeError)
  t.throws(() => parseQuantity('nearly 100', { nearlyTolerance: 1 }), RangeError)
  t.throws(() => parseQuantity('about 100', { aboutTolerance: Number.NaN }), RangeError)
})

const bad: Array<[phrase: string, messagePart: string]> = [
  ['', 'empty phrase'],
  ['   ', 'empty phrase'],
  ['\u200F\u200E', 'invisible'],
  ['many', 'vague'],
  ['dozens', 'vague'],
  ['hundreds', 'vague'],
  ['a lot', 'vague'],
  ['more than dozens', 'vague'],
  ['thousands of people', 'vague'],
  ['15 and 20 or so', 'not a figure'],
  ['between 20 and 15', 'runs backwards'],
  ['between 15 and 15', 'runs backwards'],
  ['20-15', 'runs backwards'],
  ['between 15 and twenty people', 'expected "between X and Y"'],
  ['$10-€15', 'different currencies'],
  ['4% to 9,000', 'a share cannot run'],
  ['fewer than 0', 'holds no number'],
  ['nearly 0', 'holds no number'],
  ['21 officials', 'not a figure'],
  ['15m', 'not a figure'],
  ['007', 'not a figure'],
  ['2,40', 'not a figure'],
  ['1,000 000', 'not a figure'],
  ['-5', 'not a figure'],
  ['twenty twenty', 'not a figure'],
  ['two thousand three million', 'not a figure'],
  ['more than', 'not a figure'],
  ['\u0000\u0001binary', 'control or undecodable'],
  ['12\uFFFD', 'control or undecodable'],
  ['12\uD800', 'control or undecodable'],
  ['1'.repeat(201), 'longer than 200'],
]

t.test('an unreadable phrase is an UnparseableQuantity error naming the phrase, never a guess', async (t) => {
  for (const [phrase, messagePart] of bad) {
    const result = parseQuantity(phrase)
    t.equal(result.ok, false, `${JSON.stringify(phrase).slice(0, 30)} is rejected`)
    if (!result.ok) {
      t.equal(result.error.code, 'UnparseableQuantity')
      t.match(result.error.message, messagePart, `${JSON.stringify(phrase).slice(0, 30)}: ${result.error.message}`)
      t.ok(result.error.phrase.length > 0 || phrase.trim() === '', 'the error carries the phrase')
    }
  }
})

t.test('a non-string phrase from untyped callers is an error, not a crash', async (t) => {
  const result = parseQuantity(42 as unknown as string)
  t.same(result, { ok: false, error: { code: 'UnparseableQuantity', phrase: '42', message: '"42": not text' } })
})

t.test('"pounds" after a scale word is sterling; a bare "200 pounds" may be a weight and is not read', async (t) => {
  const r = parseQuantity('14.5 million pounds')
  t.same(r.ok ? [r.quantity.stated, r.quantity.unit] : r.error.code, [[14500000], 'GBP'])
  t.equal(parseQuantity('200 pounds').ok, false)
})
