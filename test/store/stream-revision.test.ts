import t from 'tap'
import type { EventStore } from '../../src/store/port.js'
import { streamRevision } from '../../src/store/stream-revision.js'
import { createMemoryEventStore } from '../helpers/memory-store.js'
import { expectOk, newEvents, newStream } from './conformance/fixtures.js'

/** The memory store without streamHead: an adapter (like EventStoreDB's) that has only reads. */
function withoutStreamHead(store: EventStore): EventStore {
  const { streamHead: _dropped, ...rest } = store
  return rest
}

t.test('a store without streamHead answers through its last event, as one with it does', async t => {
  const store = createMemoryEventStore()
  const plain = withoutStreamHead(store)
  t.equal(plain.streamHead, undefined, 'the fallback path is the one under test')
  const stream = newStream('fact')
  t.equal(await streamRevision(plain, stream), null, 'missing stream')
  expectOk(t, await store.append(stream, newEvents(3), { expectedRevision: 'no_stream' }), 'append')
  t.equal(await streamRevision(plain, stream), 2n, 'read from the last event')
  t.equal(await streamRevision(store, stream), 2n, 'streamHead agrees')
})

t.test('a store with streamHead is asked, not read', async t => {
  const store = createMemoryEventStore()
  const stream = newStream('fact')
  expectOk(t, await store.append(stream, newEvents(2), { expectedRevision: 'no_stream' }), 'append')
  let reads = 0
  const counting: EventStore = {
    ...store,
    readStream: (...args) => {
      reads++
      return store.readStream(...args)
    },
  }
  t.equal(await streamRevision(counting, stream), 1n)
  t.equal(reads, 0, 'no event read')
})
