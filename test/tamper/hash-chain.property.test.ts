import assert from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import { verifyLedger } from '../../src/ledger/tamper/verify-ledger.js'
import { createMemoryEventStore } from '../helpers/memory-store.js'

const metadata = { actor: 'p', role: 'editor' as const, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' }

/** A change an attacker could make to one stored event's content. */
const tamper = fc.oneof(
  fc.record({ field: fc.constant('data' as const), value: fc.oneof(fc.integer(), fc.string()) }),
  fc.record({ field: fc.constant('type' as const), value: fc.string({ minLength: 1 }) }),
  fc.record({ field: fc.constant('actor' as const), value: fc.string({ minLength: 1 }) }),
)

t.test('any change to any stored event is found, and that event is named first', async (t) => {
  await assertProperty(
    t,
    fc.asyncProperty(
      fc.array(fc.record({ stream: fc.constantFrom('s-a', 's-b', 's-c'), n: fc.integer() }), { minLength: 1, maxLength: 30 }),
      fc.nat(),
      tamper,
      async (writes, pick, change) => {
        const store = createMemoryEventStore()
        for (const [i, w] of writes.entries()) {
          const r = await store.append(w.stream, [{ id: `e-${i}`, type: 'Noted', schemaVersion: 1, data: { n: w.n, i }, metadata }], { expectedRevision: 'any' })
          if (!r.ok) throw new Error('append failed')
        }
        assert.equal((await verifyLedger(store)).ok, true, 'the untouched ledger verifies')
        const index = pick % store.storage.events.length
        const target = store.storage.events[index]!
        const content = () => JSON.stringify([target.type, target.data, target.metadata])
        const before = content()
        if (change.field === 'data') target.data = { n: change.value, i: index }
        else if (change.field === 'type') target.type = change.value
        else target.metadata = { ...target.metadata, actor: change.value }
        fc.pre(content() !== before) // the "change" must change something
        const result = await verifyLedger(store)
        return !result.ok && result.firstBad.position === target.position && result.firstBad.problem === 'hash-mismatch'
      },
    ),
    { numRuns: 200, seed: 6962 },
  )
})
