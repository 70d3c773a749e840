import { join } from 'node:path'
import t, { type Test } from 'tap'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { chainProblem, collect, newEvent, newEvents } from './conformance/fixtures.js'

const open = (t: Test) => createSqliteEventStore({ path: join(t.testdir(), 'ledger.db') })

t.test('64 concurrent appends are written in one transaction', async t => {
  const store = await open(t)
  const results = await Promise.all(
    Array.from({ length: 64 }, (_, i) => store.append(`stream-${i % 8}`, newEvents(2), { expectedRevision: 'any' })),
  )
  t.ok(results.every(r => r.ok), 'every append succeeded')
  t.strictSame(store.stats(), { transactions: 1, appends: 64, eventsWritten: 128 })
  t.strictSame(
    results.map(r => (r.ok ? r.position : null)),
    Array.from({ length: 64 }, (_, i) => BigInt(2 * i + 2)),
    'positions follow the order of the calls',
  )
  await store.close()
})

t.test('in one batch, each expectedRevision is checked against the earlier appends of the batch', async t => {
  const store = await open(t)
  const [create, secondCreate, next, stale, other] = await Promise.all([
    store.append('s', newEvents(2), { expectedRevision: 'no_stream' }),
    store.append('s', [newEvent()], { expectedRevision: 'no_stream' }),
    store.append('s', [newEvent()], { expectedRevision: 1n }),
    store.append('s', [newEvent()], { expectedRevision: 1n }),
    store.append('other', [newEvent()], { expectedRevision: 'no_stream' }),
  ])
  t.equal(store.stats().transactions, 1, 'one transaction')
  t.match(create, { ok: true, nextExpectedRevision: 1n })
  t.strictSame(secondCreate, { ok: false, error: { code: 'WrongExpectedRevision', stream: 's', expected: 'no_stream', actual: 1n } })
  t.match(next, { ok: true, nextExpectedRevision: 2n, position: 3n })
  t.strictSame(stale, { ok: false, error: { code: 'WrongExpectedRevision', stream: 's', expected: 1n, actual: 2n } })
  t.match(other, { ok: true, nextExpectedRevision: 0n, position: 4n }, 'refused appends take no position')
  t.equal(store.stats().eventsWritten, 4)
  await store.close()
})

t.test('a retry queued in the same batch as the original is a duplicate', async t => {
  const store = await open(t)
  const batch = newEvents(2)
  const [first, retry] = await Promise.all([
    store.append('s', batch, { expectedRevision: 'no_stream' }),
    store.append('s', batch, { expectedRevision: 'no_stream' }),
  ])
  t.strictSame(retry, { ...first, duplicate: true })
  t.equal(store.stats().eventsWritten, 2)
  await store.close()
})

t.test('an id already stored in another stream is refused with DuplicateEventId', async t => {
  const store = await open(t)
  const taken = newEvent()
  await store.append('a', [taken], { expectedRevision: 'no_stream' })
  const result = await store.append('b', [newEvent(), taken], { expectedRevision: 'no_stream' })
  t.strictSame(result, { ok: false, error: { code: 'DuplicateEventId', stream: 'b', eventId: taken.id } })
  t.strictSame(await collect(store.readStream('b')), [])
  t.equal(await store.headPosition(), 1n)
  await store.close()
})

t.test('an append that fails half-way inside the batch rolls back alone; the others commit', async t => {
  const store = await open(t)
  // A fault on the second insert of one append (a stand-in for a disk or constraint error).
  store.database.exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON events
    WHEN NEW.stream = 'poisoned' AND NEW.revision = 1 BEGIN SELECT RAISE(ABORT, 'poisoned insert'); END`)
  const [before, poisoned, after] = await Promise.allSettled([
    store.append('fine', [newEvent()], { expectedRevision: 'no_stream' }),
    store.append('poisoned', newEvents(2), { expectedRevision: 'no_stream' }),
    store.append('fine', [newEvent()], { expectedRevision: 0n }),
  ])
  t.equal(store.stats().transactions, 1)
  t.match(before, { status: 'fulfilled', value: { ok: true, position: 1n } })
  t.match(poisoned, { status: 'rejected', reason: { message: 'poisoned insert' } })
  t.match(after, { status: 'fulfilled', value: { ok: true, position: 2n } }, 'the failed append left no position behind')
  t.strictSame(await collect(store.readStream('poisoned')), [], 'its first event was rolled back too')
  t.equal(await store.headPosition(), 2n)
  await store.close()
})

t.test('after an append fails half-way, later appends of the batch see the log without it', async t => {
  const store = await open(t)
  store.database.exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON events
    WHEN NEW.stream = 'p' AND NEW.revision = 1 BEGIN SELECT RAISE(ABORT, 'poisoned insert'); END`)
  const [first, failed, retaken, last] = await Promise.allSettled([
    store.append('fine', [newEvent()], { expectedRevision: 'no_stream' }),
    store.append('p', newEvents(2), { expectedRevision: 'no_stream' }),
    // Only possible if the failed append left nothing: 'p' must still have no events.
    store.append('p', [newEvent()], { expectedRevision: 'no_stream' }),
    store.append('fine', newEvents(2), { expectedRevision: 0n }),
  ])
  t.equal(store.stats().transactions, 1, 'still one committed transaction')
  t.match(first, { status: 'fulfilled', value: { ok: true, position: 1n } })
  t.match(failed, { status: 'rejected', reason: { message: 'poisoned insert' } })
  t.match(retaken, { status: 'fulfilled', value: { ok: true, nextExpectedRevision: 0n, position: 2n } })
  t.match(last, { status: 'fulfilled', value: { ok: true, nextExpectedRevision: 2n, position: 4n } })
  const log = await collect(store.readAll())
  t.strictSame(log.map(e => [e.stream, e.revision]), [['fine', 0n], ['p', 0n], ['fine', 1n], ['fine', 2n]], 'each event written once')
  t.equal(chainProblem(log.filter(e => e.stream === 'fine')), null, 'the chain of a stream around the failure verifies')
  await store.close()
})

t.test('close writes the appends already accepted; appends after close are refused', async t => {
  const path = join(t.testdir(), 'ledger.db')
  const store = await createSqliteEventStore({ path })
  const pending = store.append('s', newEvents(3), { expectedRevision: 'no_stream' })
  await store.close()
  t.match(await pending, { ok: true, position: 3n })
  await t.rejects(store.append('s', [newEvent()], { expectedRevision: 'any' }), { name: 'StoreUnavailableError' })
  await t.rejects(store.headPosition(), { name: 'StoreUnavailableError' })
  await t.resolves(store.close(), 'closing twice is harmless')
  const reopened = await createSqliteEventStore({ path })
  t.equal(await reopened.headPosition(), 3n)
  await reopened.close()
})

t.test('when the write transaction cannot start, every append of the batch fails and nothing is written', async t => {
  const path = join(t.testdir(), 'ledger.db')
  const store = await createSqliteEventStore({ path })
  const blocker = await createSqliteEventStore({ path })
  // Another connection holds the write lock longer than the busy timeout would wait: make it not wait.
  store.database.pragma('busy_timeout = 0')
  blocker.database.prepare('BEGIN IMMEDIATE').run()
  const results = await Promise.allSettled([
    store.append('s', [newEvent()], { expectedRevision: 'any' }),
    store.append('t', [newEvent()], { expectedRevision: 'any' }),
  ])
  t.strictSame(
    results.map(r => (r.status === 'rejected' ? (r.reason as Error).name : 'fulfilled')),
    ['StoreUnavailableError', 'StoreUnavailableError'],
  )
  blocker.database.prepare('ROLLBACK').run()
  t.equal(await store.headPosition(), 0n)
  t.match(await store.append('s', [newEvent()], { expectedRevision: 'any' }), { ok: true, position: 1n }, 'works again')
  await blocker.close()
  await store.close()
})
