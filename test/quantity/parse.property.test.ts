import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import fc from 'fast-check'
import { hedgePrefixes, hedgeSuffixes } from '../../events/quantity/hedge-words.js'
import { containsPoint } from '../../events/quantity/interval.js'
import { parseQuantity } from '../../events/quantity/parse.js'
import { Quantity } from '../../events/quantity/quantity.js'

const separators = [',', ' ', '\u00A0', '\u202F', '\u2009']

/** Writes n the way a newsroom might: grouped by thousands with one separator, or not grouped. */
const formatted = (n: number, separator: string | null): string =>
  separator === null ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator)

const count = fc.integer({ min: 1, max: 2_000_000_000 })
const separator = fc.option(fc.constantFrom(...separators), { freq: 4 })

t.test('a grouped integer with a random hedge word parses back to that number and hedge', async (t) => {
  await assertProperty(
    t,
    fc.property(count, separator, fc.constantFrom(...hedgePrefixes), fc.boolean(), (n, sep, [word, hedge], capitalize) => {
      const lead = capitalize ? word[0]!.toUpperCase() + word.slice(1) : word
      const phrase = `${lead} ${formatted(n, sep)}`
      const result = parseQuantity(phrase)
      return result.ok && result.quantity.hedge === hedge && result.quantity.stated[0] === n && result.quantity.text === phrase
    }),
  )
})

t.test('a number followed by a hedge suffix parses back to that number and hedge', async (t) => {
  await assertProperty(
    t,
    fc.property(count, separator, fc.constantFrom(...hedgeSuffixes), (n, sep, [word, hedge]) => {
      const result = parseQuantity(`${formatted(n, sep)} ${word}`)
      return result.ok && result.quantity.hedge === hedge && result.quantity.stated[0] === n
    }),
  )
})

t.test('a range of two grouped integers parses back to both numbers in every range form', async (t) => {
  const forms = [(a: string, b: string) => `between ${a} and ${b}`, (a: string, b: string) => `${a}-${b}`, (a: string, b: string) => `${a} to ${b}`, (a: string, b: string) => `from ${a} to ${b}`, (a: string, b: string) => `${a}\u2013${b}`]
  await assertProperty(
    t,
    fc.property(count, count, separator, fc.constantFrom(...forms), (x, y, sep, form) => {
      fc.pre(x !== y)
      const [lo, hi] = x < y ? [x, y] : [y, x]
      const result = parseQuantity(form(formatted(lo, sep), formatted(hi, sep)))
      return result.ok && result.quantity.hedge === 'between' && result.quantity.stated[0] === lo && result.quantity.stated[1] === hi
    }),
  )
})

t.test('a stated number lies inside its interval unless the hedge excludes it', async (t) => {
  await assertProperty(
    t,
    fc.property(count, fc.constantFrom(...hedgePrefixes), (n, [word, hedge]) => {
      const result = parseQuantity(`${word} ${n}`)
      if (!result.ok) return false
      const inside = containsPoint(result.quantity, n)
      return hedge === 'more-than' || hedge === 'fewer-than' || hedge === 'nearly' ? !inside : inside
    }),
  )
})

t.test('any string either parses to a valid Quantity or is an error naming it; it never throws', async (t) => {
  await assertProperty(
    t,
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'0123456789 ,.-$€mb'.split('')) })), (s) => {
      const result = parseQuantity(s)
      if (result.ok) return Quantity.safeParse(result.quantity).success && result.quantity.text === s.trim()
      return result.error.code === 'UnparseableQuantity' && typeof result.error.phrase === 'string' && result.error.message.length > 0
    }),
    { numRuns: 2000 },
  )
})
