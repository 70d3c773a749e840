import type { Test } from 'tap'
import type { ExpectedRevision } from '../../../src/store/port.js'
import { type OpenStore, expectOk, newEvent, newEvents, newStream, storeState, withStore } from './fixtures.js'

/** Optimistic concurrency: every expectedRevision form, and a rejection writes nothing. */
export function expectedRevisionCases(t: Test, open: OpenStore): void {
  t.test('no_stream creates a stream and then rejects a second create with the actual revision', t =>
    withStore(open, async store => {
      const stream = newStream()
      const first = expectOk(t, await store.append(stream, newEvents(2), { expectedRevision: 'no_stream' }), 'create')
      t.equal(first.nextExpectedRevision, 1n)
      const before = await storeState(store)
      const second = await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' })
      t.strictSame(second, {
        ok: false,
        error: { code: 'WrongExpectedRevision', stream, expected: 'no_stream', actual: 1n },
      })
      t.strictSame(await storeState(store), before, 'nothing written')
    }))

  t.test('stream_exists rejects a missing stream with actual no_stream, accepts an existing one', t =>
    withStore(open, async store => {
      const stream = newStream()
      const missing = await store.append(stream, [newEvent()], { expectedRevision: 'stream_exists' })
      t.strictSame(missing, {
        ok: false,
        error: { code: 'WrongExpectedRevision', stream, expected: 'stream_exists', actual: 'no_stream' },
      })
      t.strictSame(await storeState(store), { head: 0n, events: [] }, 'nothing written')
      expectOk(t, await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' }), 'create')
      const next = expectOk(t, await store.append(stream, [newEvent()], { expectedRevision: 'stream_exists' }), 'exists')
      t.equal(next.nextExpectedRevision, 1n)
      t.equal(next.events[0]!.revision, 1n)
    }))

  t.test('an exact revision must equal the last revision of the stream', t =>
    withStore(open, async store => {
      const stream = newStream()
      const onMissing = await store.append(stream, [newEvent()], { expectedRevision: 0n })
      t.strictSame(onMissing, {
        ok: false,
        error: { code: 'WrongExpectedRevision', stream, expected: 0n, actual: 'no_stream' },
      })
      expectOk(t, await store.append(stream, newEvents(3), { expectedRevision: 'no_stream' }), 'create')
      const before = await storeState(store)
      for (const stale of [0n, 1n, 3n, 100n] satisfies ExpectedRevision[]) {
        const result = await store.append(stream, [newEvent()], { expectedRevision: stale })
        t.strictSame(result, { ok: false, error: { code: 'WrongExpectedRevision', stream, expected: stale, actual: 2n } }, `${stale}n is stale`)
      }
      t.strictSame(await storeState(store), before, 'nothing written by the stale appends')
      const ok = expectOk(t, await store.append(stream, newEvents(2), { expectedRevision: 2n }), 'current revision')
      t.strictSame(
        ok.events.map(e => e.revision),
        [3n, 4n],
      )
      t.equal(ok.nextExpectedRevision, 4n)
    }))

  t.test('any appends to a missing and to an existing stream', t =>
    withStore(open, async store => {
      const stream = newStream()
      const first = expectOk(t, await store.append(stream, [newEvent()], { expectedRevision: 'any' }), 'missing')
      t.equal(first.nextExpectedRevision, 0n)
      const second = expectOk(t, await store.append(stream, newEvents(2), { expectedRevision: 'any' }), 'existing')
      t.equal(second.nextExpectedRevision, 2n)
      t.strictSame(
        second.events.map(e => e.revision),
        [1n, 2n],
      )
    }))

  t.test('a rejection in one stream leaves other streams writable', t =>
    withStore(open, async store => {
      const a = newStream('a')
      const b = newStream('b')
      expectOk(t, await store.append(a, [newEvent()], { expectedRevision: 'no_stream' }), 'create a')
      const rejected = await store.append(a, [newEvent()], { expectedRevision: 'no_stream' })
      t.equal(rejected.ok, false)
      const other = expectOk(t, await store.append(b, [newEvent()], { expectedRevision: 'no_stream' }), 'create b')
      t.equal(other.events[0]!.revision, 0n)
    }))
}
