import type { Test } from 'tap'
import { type OpenStore, expectOk, newEvent, newEvents, newStream, storeState, withStore } from './fixtures.js'

/** Retrying an append (same event ids, same place) is safe; a half-new batch is refused. */
export function idempotencyCases(t: Test, open: OpenStore): void {
  t.test('retrying an append with the same ids at the same place returns the first result, duplicate, writes nothing', t =>
    withStore(open, async store => {
      const stream = newStream()
      const batch = newEvents(3)
      const first = expectOk(t, await store.append(stream, batch, { expectedRevision: 'no_stream' }), 'first')
      const before = await storeState(store)
      const retry = await store.append(stream, batch, { expectedRevision: 'no_stream' })
      t.strictSame(retry, { ...first, duplicate: true })
      t.strictSame(await storeState(store), before, 'nothing written')

      const second = newEvents(2)
      const next = expectOk(t, await store.append(stream, second, { expectedRevision: 2n }), 'second')
      const after = await storeState(store)
      t.strictSame(await store.append(stream, second, { expectedRevision: 2n }), { ...next, duplicate: true }, 'exact revision retry')
      t.strictSame(await store.append(stream, batch, { expectedRevision: 'any' }), { ...first, duplicate: true }, 'any retry of an older batch')
      t.strictSame(await storeState(store), after, 'nothing written by the retries')
    }))

  t.test('a retry after a concurrent append to the stream is still a duplicate', t =>
    withStore(open, async store => {
      const stream = newStream()
      expectOk(t, await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' }), 'create')
      const batch = newEvents(2)
      const first = expectOk(t, await store.append(stream, batch, { expectedRevision: 0n }), 'batch')
      expectOk(t, await store.append(stream, [newEvent()], { expectedRevision: 2n }), 'someone else')
      const before = await storeState(store)
      t.strictSame(await store.append(stream, batch, { expectedRevision: 0n }), { ...first, duplicate: true })
      t.strictSame(await storeState(store), before, 'nothing written')
    }))

  t.test('a batch where only some ids are already stored is refused with DuplicateEventId', t =>
    withStore(open, async store => {
      const stream = newStream()
      const batch = newEvents(2)
      expectOk(t, await store.append(stream, batch, { expectedRevision: 'no_stream' }), 'first')
      const before = await storeState(store)
      const mixed = [batch[1]!, newEvent()]
      const result = await store.append(stream, mixed, { expectedRevision: 1n })
      t.strictSame(result, { ok: false, error: { code: 'DuplicateEventId', stream, eventId: batch[1]!.id } })
      t.strictSame(await storeState(store), before, 'nothing written')
      const withAny = await store.append(stream, [newEvent(), batch[0]!], { expectedRevision: 'any' })
      t.strictSame(withAny, { ok: false, error: { code: 'DuplicateEventId', stream, eventId: batch[0]!.id } }, 'also with any')
      t.strictSame(await storeState(store), before, 'nothing written')
    }))
}
