import t from 'tap'
import { createLedger } from '../../src/ledger/create-ledger.js'
import { MAX_ATTEMPTS } from '../../src/ledger/contention.js'
import type { EventStore } from '../../src/store/port.js'
import { claimInput, editor, seededLedger } from './ledger-fixture.js'

const claimId = claimInput.claimId
const stream = `claim-${claimId}`

async function streamLength(store: EventStore, name: string): Promise<number> {
  let n = 0
  for await (const _ of store.readStream(name)) n++
  return n
}

t.test('50 concurrent corrections without If-Match are all written, each checked on the state the previous one left', async (t) => {
  const { ledger, store } = await seededLedger()
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => ledger.correctClaim(editor, claimId, { reason: `fix ${i}`, changes: { attributedTo: `Treasury official ${i}` } })),
  )
  t.same(results.filter((r) => !r.ok), [], 'no request refused')
  t.equal(await streamLength(store, stream), 51)
})

t.test('without If-Match, an invariant that fails on the fresh state is still refused (422), never a 409', async (t) => {
  const { ledger } = await seededLedger()
  const [retracted, corrected] = await Promise.all([
    ledger.retractClaim(editor, claimId, { reason: 'the source withdrew it' }),
    ledger.correctClaim(editor, claimId, { reason: 'typo', changes: { attributedTo: 'Treasury' } }),
  ])
  t.equal(retracted.ok, true)
  t.match(corrected, { ok: false, error: { code: 'InvariantViolated' } })
})

/** A store where, before each append to the claim stream, another process (a second ledger on the same store) writes first. */
function racedStore(store: EventStore, races: number) {
  const other = createLedger({ store })
  let left = races
  const raced: EventStore = Object.create(store)
  raced.append = async (name, events, options) => {
    if (name === stream && left > 0) {
      left--
      const r = await other.disputeClaim({ actor: 'bob', role: 'editor' }, claimId, { reason: `other process ${left}` })
      if (!r.ok) throw new Error(r.error.message)
    }
    return store.append(name, events, options)
  }
  return raced
}

t.test('without If-Match, a write that loses a race to another process is run again on a fresh read', async (t) => {
  const { store } = await seededLedger()
  const ledger = createLedger({ store: racedStore(store, MAX_ATTEMPTS - 1) })
  const result = await ledger.correctClaim(editor, claimId, { reason: 'typo', changes: { attributedTo: 'Treasury' } })
  t.match(result, { ok: true, revision: BigInt(MAX_ATTEMPTS) })
  t.equal(await streamLength(store, stream), MAX_ATTEMPTS + 1)
})

t.test('the retries are bounded: a stream that moves under every attempt ends in 409 that does not ask the client to reload', async (t) => {
  const { store } = await seededLedger()
  const ledger = createLedger({ store: racedStore(store, 100) })
  const result = await ledger.correctClaim(editor, claimId, { reason: 'typo', changes: { attributedTo: 'Treasury' } })
  t.match(result, { ok: false, error: { code: 'WrongExpectedRevision', message: new RegExp(`each of ${MAX_ATTEMPTS} attempts`) } })
  t.equal(await streamLength(store, stream), 1 + MAX_ATTEMPTS, 'only the other process wrote')
})

t.test("with If-Match, a lost race is the editor's conflict: no retry", async (t) => {
  const { store } = await seededLedger()
  const ledger = createLedger({ store: racedStore(store, 1) })
  const result = await ledger.correctClaim({ ...editor, expectedRevision: 0n }, claimId, { reason: 'typo', changes: { attributedTo: 'Treasury' } })
  t.match(result, { ok: false, error: { code: 'WrongExpectedRevision', actual: 1n } })
})

t.test('50 concurrent requests with one Idempotency-Key and different bodies: one stored, the same body replays, the others 422', async (t) => {
  const { ledger, store } = await seededLedger()
  const ctx = { ...editor, idempotencyKey: 'one-key' }
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => ledger.recordClaim(ctx, { ...claimInput, claimId: undefined, attributedTo: `Treasury office ${i % 5}` })),
  )
  const stored = results.find((r) => r.ok && !r.duplicate)
  t.ok(stored && stored.ok)
  if (!stored?.ok) return
  const storedBy = (stored.event.data as { attributedTo: string }).attributedTo
  const sameBody = results.filter((_, i) => `Treasury office ${i % 5}` === storedBy)
  t.ok(sameBody.every((r) => r.ok && r.entityId === stored.entityId && r.event.id === stored.event.id), 'the same body gets the stored result')
  t.equal(sameBody.filter((r) => r.ok && !r.duplicate).length, 1, 'written once')
  const others = results.filter((_, i) => `Treasury office ${i % 5}` !== storedBy)
  t.equal(others.length, 40)
  t.ok(others.every((r) => !r.ok && r.error.code === 'IdempotencyConflict'), 'every other body is a conflict')
  t.equal(await streamLength(store, `claim-${stored.entityId}`), 1)
})
