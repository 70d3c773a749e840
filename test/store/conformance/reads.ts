import type { Test } from 'tap'
import type { RecordedEvent } from '../../../events/envelope.js'
import type { EventStore } from '../../../src/store/port.js'
import { streamRevision } from '../../../src/store/stream-revision.js'
import { type OpenStore, collect, expectOk, newEvents, newStream, withStore } from './fixtures.js'

const revisions = (events: RecordedEvent[]) => events.map(e => e.revision)

/** Two interleaved streams: a has revisions 0..5, b has 0..2. */
async function seed(t: Test, store: EventStore): Promise<{ a: string; b: string; all: RecordedEvent[] }> {
  const a = newStream('a')
  const b = newStream('b')
  expectOk(t, await store.append(a, newEvents(3), { expectedRevision: 'no_stream' }), 'a')
  expectOk(t, await store.append(b, newEvents(3), { expectedRevision: 'no_stream' }), 'b')
  expectOk(t, await store.append(a, newEvents(3), { expectedRevision: 2n }), 'a again')
  return { a, b, all: await collect(store.readAll()) }
}

/** readStream and readAll windows. */
export function readCases(t: Test, open: OpenStore): void {
  t.test('readStream reads one stream forwards, from a revision, and at most maxCount', t =>
    withStore(open, async store => {
      const { a, b } = await seed(t, store)
      t.strictSame(revisions(await collect(store.readStream(a))), [0n, 1n, 2n, 3n, 4n, 5n], 'whole stream')
      t.ok((await collect(store.readStream(a))).every(e => e.stream === a), 'only its own events')
      t.strictSame(revisions(await collect(store.readStream(b, { direction: 'forwards' }))), [0n, 1n, 2n])
      t.strictSame(revisions(await collect(store.readStream(a, { fromRevision: 2n }))), [2n, 3n, 4n, 5n], 'fromRevision is inclusive')
      t.strictSame(revisions(await collect(store.readStream(a, { fromRevision: 1n, maxCount: 2 }))), [1n, 2n])
      t.strictSame(revisions(await collect(store.readStream(a, { maxCount: 1 }))), [0n])
      t.strictSame(await collect(store.readStream(a, { fromRevision: 6n })), [], 'past the end')
    }))

  t.test('readStream reads backwards from the end or from a revision', t =>
    withStore(open, async store => {
      const { a } = await seed(t, store)
      t.strictSame(revisions(await collect(store.readStream(a, { direction: 'backwards' }))), [5n, 4n, 3n, 2n, 1n, 0n])
      t.strictSame(revisions(await collect(store.readStream(a, { direction: 'backwards', maxCount: 1 }))), [5n], 'last event')
      t.strictSame(
        revisions(await collect(store.readStream(a, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }))),
        [3n, 2n],
        'fromRevision is inclusive going down',
      )
      t.strictSame(
        revisions(await collect(store.readStream(a, { direction: 'backwards', fromRevision: 0n }))),
        [0n],
      )
    }))

  t.test('readStream of a missing stream yields nothing', t =>
    withStore(open, async store => {
      await seed(t, store)
      t.strictSame(await collect(store.readStream(newStream('missing'))), [])
      t.strictSame(await collect(store.readStream(newStream('missing'), { direction: 'backwards' })), [])
    }))

  t.test('the stream head is the revision of its last event, and null for a missing stream', t =>
    withStore(open, async store => {
      const { a, b } = await seed(t, store)
      const missing = newStream('missing')
      // Every adapter, through what readers call (streamHead when the adapter has it, else a read).
      t.equal(await streamRevision(store, a), 5n, 'a through streamRevision')
      t.equal(await streamRevision(store, b), 2n, 'b through streamRevision')
      t.equal(await streamRevision(store, missing), null, 'missing through streamRevision')
      if (!store.streamHead) {
        t.comment(`${store.kind} has no streamHead: readers fall back to reading the last event`)
        return
      }
      t.equal(await store.streamHead(a), 5n, 'a')
      t.equal(await store.streamHead(b), 2n, 'b')
      t.equal(await store.streamHead(missing), null, 'missing')
      expectOk(t, await store.append(b, newEvents(2), { expectedRevision: 2n }), 'b again')
      t.equal(await store.streamHead(b), 4n, 'b after two more events')
      t.equal(await store.streamHead(a), 5n, 'a unchanged')
    }))

  t.test('readAll: fromPosition is exclusive, toPosition inclusive, maxCount caps', t =>
    withStore(open, async store => {
      const { all } = await seed(t, store)
      t.equal(all.length, 9)
      const p = all.map(e => e.position)
      t.strictSame(await collect(store.readAll({ fromPosition: 0n })), all, 'from 0 is everything')
      t.strictSame(await collect(store.readAll({ fromPosition: p[2]! })), all.slice(3), 'fromPosition excluded')
      t.strictSame(await collect(store.readAll({ toPosition: p[4]! })), all.slice(0, 5), 'toPosition included')
      t.strictSame(await collect(store.readAll({ fromPosition: p[1]!, toPosition: p[4]! })), all.slice(2, 5), 'a window')
      t.strictSame(await collect(store.readAll({ maxCount: 4 })), all.slice(0, 4))
      t.strictSame(await collect(store.readAll({ fromPosition: p[6]!, maxCount: 10 })), all.slice(7), 'maxCount beyond the end')
      t.strictSame(await collect(store.readAll({ fromPosition: p[8]! })), [], 'from the head is nothing')
      t.strictSame(await collect(store.readAll({ fromPosition: p[3]!, toPosition: p[3]! })), [], 'empty window')
    }))

  t.test('reads return the events exactly as the append returned them', t =>
    withStore(open, async store => {
      const stream = newStream()
      const appended = expectOk(t, await store.append(stream, newEvents(4), { expectedRevision: 'no_stream' }), 'append')
      t.strictSame(await collect(store.readStream(stream)), appended.events)
      t.strictSame(await collect(store.readStream(stream, { direction: 'backwards' })), [...appended.events].reverse())
      t.strictSame(await collect(store.readAll()), appended.events)
    }))
}
