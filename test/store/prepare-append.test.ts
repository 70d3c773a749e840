import assert from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import type { NewEvent } from '../../events/envelope.js'
import { prepareAppend } from '../../src/store/shared/prepare-append.js'

const metadata = { actor: 'a', role: 'editor', correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' } as const
const withData = (data: unknown): NewEvent => ({ id: 'e-1', type: 'Noted', schemaVersion: 1, data, metadata })

/** What prepareAppend does with `data`: the stored text, or the message of the TypeError it throws. */
function prepared(data: unknown): { text: string } | { refused: string } {
  try {
    return { text: prepareAppend('s', [withData(data)], 'any')[0]!.dataText }
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    return { refused: error.message }
  }
}

t.test('a refused payload is always named by where the problem is', async t => {
  await assertProperty(
    t,
    fc.property(
      fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, maxDepth: 3 }),
      data => {
        const outcome = prepared(data)
        // The fast check and the walk that names the problem must refuse the same values.
        if ('refused' in outcome) assert.match(outcome.refused, /^append to s, event 0 \(e-1\): data(\.|\[| is | refers)/)
      },
    ),
    { numRuns: 2000, seed: 77 },
  )
})

t.test('exact JSON is accepted and stored as JSON.stringify writes it', async t => {
  await assertProperty(
    t,
    fc.property(fc.jsonValue({ maxDepth: 4 }), data => {
      assert.deepStrictEqual(prepared(data), { text: JSON.stringify(data) })
    }),
    { numRuns: 1000, seed: 77 },
  )
})

t.test('each kind of inexact value is refused with its path', async t => {
  const cycle: Record<string, unknown> = { a: 1 }
  cycle.self = { back: cycle }
  const sparse: unknown[] = [1]
  sparse[3] = { deep: [NaN] }
  const cases: Array<[string, unknown, string]> = [
    ['a cycle', cycle, 'data.self.back refers back to itself'],
    ['NaN after holes', sparse, 'data[3].deep[0] is NaN, which JSON cannot hold'],
    ['a bigint', { n: [1, 2n] }, 'data.n[1] is a bigint, which JSON cannot hold'],
    ['a symbol', [Symbol('s')], 'data[0] is a symbol, which JSON cannot hold'],
    ['undefined in an array', [undefined], 'data[0] is undefined, which JSON cannot hold'],
    ['a Set', { s: new Set() }, 'data.s is a Set, not plain JSON'],
  ]
  for (const [what, data, message] of cases) t.strictSame(prepared(data), { refused: `append to s, event 0 (e-1): ${message}` }, what)
  t.strictSame(prepared({ kept: 1, dropped: undefined }), { text: '{"kept":1}' }, 'an undefined property is dropped, not refused')
  t.strictSame(prepared([1, , 2]), { text: '[1,null,2]' }, 'a hole is written as null, as JSON.stringify does') // eslint-disable-line no-sparse-arrays
  const shared = { x: 1 }
  t.strictSame(prepared({ a: shared, b: shared }), { text: '{"a":{"x":1},"b":{"x":1}}' }, 'the same object twice is not a cycle')
})
