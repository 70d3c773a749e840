import type { Test } from 'tap'
import type { NewEvent } from '../../../events/envelope.js'
import type { EventStore } from '../../../src/store/port.js'
import {
  type OpenStore,
  asWritten,
  chainProblem,
  collect,
  expectOk,
  newEvent,
  newEvents,
  newStream,
  storeState,
  withStore,
} from './fixtures.js'

/** Payloads that are easy to mangle: unicode, escapes, nesting, number forms, key order. */
export const awkwardData = {
  quote: 'Treasury "sanctioned" 21 — «officials» \\ back\tslash\nnew line',
  unicode: 'Caracas 制裁 😀 e\u0301 \u2028\u2029 ñandú עברית',
  nested: { deep: { deeper: [1, -2.5, 1e21, 0.1, 1e-7, { x: null }], empty: {}, emptyList: [] } },
  flags: [true, false, null],
  maxSafe: Number.MAX_SAFE_INTEGER,
  keyOrder: { zulu: 1, alpha: 2, mike: 3 },
  'key with spaces & ünïcödé': 'value',
}

/** Events come back exactly as written, and each stream's hash chain verifies. */
export function roundTripCases(t: Test, open: OpenStore): void {
  t.test('data, metadata, type and schemaVersion round-trip exactly', t =>
    withStore(open, async store => {
      const stream = newStream('round-trip')
      const written = [
        newEvent({ type: 'ClaimRecorded', schemaVersion: 2, data: awkwardData }),
        newEvent({ data: [1, 'two', { three: 3 }] }),
        newEvent({ data: 'a bare string' }),
        newEvent({ data: null }),
        newEvent({
          metadata: {
            actor: 'editor@example.org',
            role: 'editor',
            correlationId: 'corr-ü',
            causationId: 'cause',
            idempotencyKey: 'key-1',
            recordedAt: '2024-11-27T12:00:00.000+01:00',
          },
        }),
      ]
      const appended = expectOk(t, await store.append(stream, written, { expectedRevision: 'no_stream' }), 'append')
      t.strictSame(appended.events.map(asWritten), written, 'the append result')
      t.strictSame((await collect(store.readStream(stream))).map(asWritten), written, 'readStream')
      t.strictSame((await collect(store.readAll())).map(asWritten), written, 'readAll')
      const ac = new AbortController()
      const live: unknown[] = []
      for await (const event of store.subscribeToAll({ fromPosition: 0n, signal: ac.signal })) {
        live.push(asWritten(event))
        if (live.length === written.length) ac.abort()
      }
      t.strictSame(live, written, 'subscribeToAll')
    }))

  t.test('each stream has a hash chain that recomputes with hashEvent', t =>
    withStore(open, async store => {
      const a = newStream('a')
      const b = newStream('b')
      for (const [stream, size] of [[a, 1], [b, 2], [a, 3], [b, 1], [a, 2]] as const) {
        expectOk(t, await store.append(stream, newEvents(size), { expectedRevision: 'any' }), 'append')
      }
      const streamA = await collect(store.readStream(a))
      const streamB = await collect(store.readStream(b))
      t.equal(streamA[0]!.prevHash, null, 'revision 0 has no previous hash')
      t.match(streamA[0]!.hash, /^[0-9a-f]{64}$/)
      t.equal(chainProblem(streamA), null, 'stream a verifies')
      t.equal(chainProblem(streamB), null, 'stream b verifies')
      t.equal(streamA[3]!.prevHash, streamA[2]!.hash, 'the chain crosses append boundaries')
    }))

  t.test('bad input is refused and writes nothing', t =>
    withStore(open, async store => {
      const stream = newStream()
      expectOk(t, await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' }), 'create')
      const before = await storeState(store)
      await refuses(t, store, '', [newEvent()], 'an empty stream name')
      await refuses(t, store, stream, [], 'an empty batch')
      await refuses(t, store, stream, [newEvent({ data: { big: 10n } })], 'a bigint in data')
      const circular: Record<string, unknown> = {}
      circular.self = circular
      await refuses(t, store, stream, [newEvent(), newEvent({ data: circular })], 'circular data')
      const twice = newEvent()
      await refuses(t, store, stream, [twice, twice], 'the same id twice in one batch')
      t.strictSame(await storeState(store), before, 'nothing written')
    }))
}

async function refuses(t: Test, store: EventStore, stream: string, events: NewEvent[], what: string) {
  let outcome: string
  try {
    const result = await store.append(stream, events, { expectedRevision: 'any' })
    outcome = result.ok ? 'written' : `refused with ${result.error.code}`
  } catch (error) {
    outcome = error instanceof Error ? 'refused' : 'threw a non-error'
  }
  t.equal(outcome, 'refused', `${what} is refused by throwing an Error`)
}
