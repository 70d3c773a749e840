import assert from 'node:assert/strict'
import canonicalizePackage from 'canonicalize'
import fc from 'fast-check'
import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import { canonicalize } from '../../src/store/shared/canonical-json.js'

// The reference every stored hash was computed with (see src/store/shared/canonical-json.ts).
const reference = canonicalizePackage as unknown as (input: unknown) => string | undefined

type Outcome = { text: string | undefined } | { threw: string }

function outcome(fn: (input: unknown) => string | undefined, input: unknown): Outcome {
  try {
    return { text: fn(input) }
  } catch (error) {
    return { threw: `${(error as Error).name}: ${(error as Error).message}` }
  }
}

// Keys that sort or enumerate unusually: integer-like (enumerated first by JS), punctuation, surrogates, __proto__.
const awkwardKey = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('0', '1', '9', '10', '01', '-1', '4294967295', '#', ' ', '__proto__', 'toJSON', 'constructor', '\ud800', '😀', 'é', 'e\u0301'),
)

t.test('gives exactly what the canonicalize package gives, on JSON values', async t => {
  await assertProperty(
    t,
    fc.property(fc.jsonValue({ maxDepth: 4 }), value => {
      assert.deepStrictEqual(outcome(canonicalize, value), outcome(reference, value))
    }),
    { numRuns: 2000, seed: 8785 },
  )
})

t.test('... and on anything, including what it refuses or mangles', async t => {
  await assertProperty(
    t,
    fc.property(
      fc.anything({
        key: awkwardKey,
        maxDepth: 3,
        stringUnit: 'binary',
        withBoxedValues: true,
        withMap: true,
        withSet: true,
        withObjectString: true,
        withNullPrototype: true,
        withBigInt: true,
        withDate: true,
        withTypedArray: true,
        withSparseArray: true,
      }),
      value => {
        assert.deepStrictEqual(outcome(canonicalize, value), outcome(reference, value))
      },
    ),
    { numRuns: 3000, seed: 8785 },
  )
})

t.test('edge cases the generators may miss', async t => {
  const withToJSON = { toJSON: () => ({ b: 1, a: [2, undefined] }) }
  const sparse: unknown[] = []
  sparse[2] = 'x'
  const cases: Array<[string, unknown]> = [
    ['a toJSON method', withToJSON],
    ['a Date', new Date(0)],
    ['holes in an array', [, 1, , 2]], // eslint-disable-line no-sparse-arrays
    ['an array starting with holes', sparse],
    ['undefined, symbols and functions', { u: undefined, s: Symbol('s'), f: () => 1, list: [undefined, Symbol('t'), () => 2] }],
    ['-0, tiny and huge numbers', [-0, 5e-324, 1e21, 1e-7, 123456789012345680000, Number.MAX_SAFE_INTEGER]],
    ['NaN', { x: Number.NaN }],
    ['Infinity', [Infinity]],
    ['a bigint', { n: 1n }],
    ['integer-like keys', { '10': 1, '9': 2, b: 3, '#': 4, '': 5 }],
    ['escapes', { '"': '\\', '\u0000': '\u001f\u007f\u2028', emoji: '😀', lone: '\udc00x' }],
    ['a top-level string', 'plain'],
    ['a top-level undefined', undefined],
    ['many keys (sorted another way than small objects)', Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${(i * 37) % 60}${i % 3 ? 'k' : ''}`, i]))],
    ['exactly 24 and 25 keys', [24, 25].map(n => Object.fromEntries(Array.from({ length: n }, (_, i) => [String.fromCharCode(122 - i), i])))],
  ]
  for (const [what, value] of cases) t.strictSame(outcome(canonicalize, value), outcome(reference, value), what)
})
