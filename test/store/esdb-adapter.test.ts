import { UnavailableError } from '@eventstore/db-client'
import t from 'tap'
import { v7 as uuidv7 } from 'uuid'
import type { NewEvent, RecordedEvent } from '../../events/envelope.js'
import { createEsdbEventStore, type EsdbEventStore } from '../../src/store/esdb/create-esdb-event-store.js'
import { hashEvent } from '../../src/store/hash-chain.js'
import { StoreUnavailableError, type AppendResult, type EventStore } from '../../src/store/port.js'
import { createLookalikeServer, type LookalikeServer } from './esdb-lookalike-server.js'

const metadata = { actor: 'esdb-test', role: 'system' as const, correlationId: 'c', causationId: 'c', recordedAt: '2024-11-27T00:00:00.000Z' }
const event = (n: number): NewEvent => ({ id: uuidv7(), type: 'Probe', schemaVersion: 1, data: { n }, metadata })

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = []
  for await (const e of events) out.push(e)
  return out
}

async function open(t: { teardown(fn: () => unknown): void }, server: LookalikeServer, namespace?: string): Promise<EsdbEventStore> {
  const store = await createEsdbEventStore({ connectionString: 'esdb://lookalike', client: server.connect(), ...(namespace ? { namespace } : {}) })
  t.teardown(() => store.close())
  return store
}

function chainVerifies(events: RecordedEvent[]): boolean {
  let prev: string | null = null
  return events.every((e, i) => {
    const ok = e.revision === BigInt(i) && e.prevHash === prev && e.hash === hashEvent(e, e.stream, e.revision, prev)
    prev = e.hash
    return ok
  })
}

t.test('two processes appending with any to one stream: every append lands, re-chained on the new head', async (t) => {
  const server = createLookalikeServer()
  const [a, b] = [await open(t, server), await open(t, server)]
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).append('fact-shared', [event(i)], { expectedRevision: 'any' })))
  t.ok(results.every((r) => r.ok && !r.duplicate), 'all thirty succeed')
  const stream = await collect(a.readStream('fact-shared'))
  t.equal(stream.length, 30)
  t.ok(chainVerifies(stream), 'revisions 0..29 and an intact hash chain despite the races')
})

t.test('two processes with the same exact revision: one wins, the other gets WrongExpectedRevision with the actual revision', async (t) => {
  const server = createLookalikeServer()
  const [a, b] = [await open(t, server), await open(t, server)]
  await a.append('fact-contested', [event(0)], { expectedRevision: 'no_stream' })
  const both: AppendResult[] = await Promise.all([a.append('fact-contested', [event(1)], { expectedRevision: 0n }), b.append('fact-contested', [event(2)], { expectedRevision: 0n })])
  t.equal(both.filter((r) => r.ok).length, 1, 'one winner')
  t.strictSame(
    both.find((r) => !r.ok),
    { ok: false, error: { code: 'WrongExpectedRevision', stream: 'fact-contested', expected: 0n, actual: 1n } },
  )
  t.equal((await collect(a.readStream('fact-contested'))).length, 2, 'the loser wrote nothing')
})

t.test('what is stored on the server: the same stream and id, JSON data, the chain in metadata', async (t) => {
  const server = createLookalikeServer()
  const store = await open(t, server)
  const e = event(7)
  const result = await store.append('claim-1', [e], { expectedRevision: 'no_stream' })
  const record = server.log.find((r) => r.id === e.id)!
  t.equal(record.streamId, 'claim-1')
  t.equal(record.type, 'Probe')
  t.strictSame(record.data, { n: 7 })
  t.strictSame(record.metadata, { factledger: 1, schemaVersion: 1, hash: result.ok && result.events[0]!.hash, prevHash: null, metadata })
  t.equal(result.ok && result.position, record.position!.commit, 'the port position is the $all commit position')
})

t.test('namespaces keep ledgers apart on one cluster; system events never appear', async (t) => {
  const server = createLookalikeServer()
  const red = await open(t, server, 'red')
  const blue = await open(t, server, 'blue')
  await red.append('fact-x', [event(1), event(2)], { expectedRevision: 'no_stream' })
  const onBlue = await blue.append('fact-x', [event(3)], { expectedRevision: 'no_stream' })
  t.ok(onBlue.ok && onBlue.events[0]!.revision === 0n, 'the same logical stream is a different stream per namespace')
  t.ok(server.log.some((r) => r.streamId === 'red:fact-x') && server.log.some((r) => r.type.startsWith('$')), 'physical names prefixed; the log holds system events')
  t.strictSame((await collect(red.readAll())).map((e) => [e.stream, e.data]), [['fact-x', { n: 1 }], ['fact-x', { n: 2 }]])
  t.strictSame((await collect(blue.readAll())).map((e) => e.data), [{ n: 3 }])
  t.equal(await blue.headPosition(), onBlue.ok && onBlue.position)
  const empty = await open(t, server, 'green')
  t.equal(await empty.headPosition(), 0n, 'an empty namespace has head 0')
  const ac = new AbortController()
  const live: unknown[] = []
  const following = (async () => {
    for await (const e of red.subscribeToAll({ fromPosition: 0n, signal: ac.signal })) {
      live.push(e.data)
      if (live.length === 3) ac.abort()
    }
  })()
  await blue.append('fact-x', [event(4)], { expectedRevision: 0n })
  await red.append('fact-y', [event(5)], { expectedRevision: 'no_stream' })
  await following
  t.strictSame(live, [{ n: 1 }, { n: 2 }, { n: 5 }], 'the subscription sees its own namespace only')
})

t.test('readAll pages through a log longer than one page, skipping other ledgers\' events', async (t) => {
  const server = createLookalikeServer()
  const mine = await open(t, server, 'mine')
  const other = await open(t, server, 'other')
  for (let i = 0; i < 12; i++) {
    await other.append(`fact-${i}`, Array.from({ length: 50 }, (_, j) => event(j)), { expectedRevision: 'no_stream' })
    await mine.append('fact-m', [event(i)], { expectedRevision: 'any' })
  }
  const all = await collect(mine.readAll())
  t.strictSame(all.map((e) => e.data), Array.from({ length: 12 }, (_, i) => ({ n: i })), 'all twelve, across pages of 500 records')
  t.strictSame(await collect(mine.readAll({ fromPosition: all[4]!.position, maxCount: 3 })), all.slice(5, 8))
  t.strictSame(await collect(mine.readAll({ toPosition: all[1]!.position })), all.slice(0, 2))
})

t.test('a foreign event inside a ledger stream is reported, and skipped in $all', async (t) => {
  const server = createLookalikeServer()
  const store = await open(t, server)
  await store.append('fact-x', [event(1)], { expectedRevision: 'no_stream' })
  await server.connect().appendToStream('fact-x', [{ id: uuidv7(), type: 'Intruder', contentType: 'application/json', data: {}, metadata: undefined }], { expectedRevision: 0n })
  await t.rejects(collect(store.readStream('fact-x')), /fact-x@1 was not written by factledger/)
  t.equal((await collect(store.readAll())).length, 1)
})

t.test('an unreachable server is a StoreUnavailableError: at start-up, on append, on reads', async (t) => {
  const server = createLookalikeServer()
  server.failNext('readStream', new UnavailableError(undefined, 'no connection established'))
  await t.rejects(createEsdbEventStore({ connectionString: 'esdb://lookalike', client: server.connect() }), StoreUnavailableError, 'the start-up probe')

  const store: EventStore = await open(t, server)
  server.failNext('readStream', new UnavailableError(undefined, 'gone'))
  await t.rejects(store.append('fact-x', [event(1)], { expectedRevision: 'any' }), StoreUnavailableError, 'append reading the head')
  server.failNext('appendToStream', new UnavailableError(undefined, 'gone'))
  await t.rejects(store.append('fact-x', [event(1)], { expectedRevision: 'any' }), StoreUnavailableError, 'append writing')
  server.failNext('readAll', new UnavailableError(undefined, 'gone'))
  await t.rejects(collect(store.readAll()), StoreUnavailableError, 'readAll')
  server.failNext('readAll', new UnavailableError(undefined, 'gone'))
  await t.rejects(store.headPosition(), StoreUnavailableError, 'headPosition')
  t.strictSame(await collect(store.readAll()), [], 'nothing was written by the failed appends')
})

t.test('inputs EventStoreDB cannot keep exactly are refused before anything is sent', async (t) => {
  const server = createLookalikeServer()
  const store = await open(t, server)
  await t.rejects(store.append('fact-x', [{ ...event(1), id: 'not-a-uuid' }], { expectedRevision: 'any' }), TypeError)
  await t.rejects(store.append('$system', [event(1)], { expectedRevision: 'any' }), /system streams/)
  t.equal(server.log.length, 0)
})

t.test('a closed store refuses further use', async (t) => {
  const store = await createEsdbEventStore({ connectionString: 'esdb://lookalike', client: createLookalikeServer().connect() })
  await store.close()
  await store.close()
  await t.rejects(store.append('fact-x', [event(1)], { expectedRevision: 'any' }), StoreUnavailableError)
  t.throws(() => store.readAll(), StoreUnavailableError)
})

t.test('kurrentdb:// URLs are handed to the client as esdb:// (same grammar)', async (t) => {
  const { toClientConnectionString } = await import('../../src/store/esdb/create-esdb-event-store.js')
  t.equal(toClientConnectionString('kurrentdb://node1:2113?tls=false'), 'esdb://node1:2113?tls=false')
  t.equal(toClientConnectionString('kurrentdb+discover://cluster.local:2113'), 'esdb+discover://cluster.local:2113')
  t.equal(toClientConnectionString('esdb://x:2113'), 'esdb://x:2113')
})

t.test('the real client against a port nobody listens on: StoreUnavailableError at start-up', async (t) => {
  const error: unknown = await createEsdbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false' }).catch((e: unknown) => e)
  t.type(error, StoreUnavailableError)
  t.match((error as Error).message, /^EventStoreDB unavailable: .*ECONNREFUSED/)
})
