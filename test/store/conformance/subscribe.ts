import type { Test } from 'tap'
import type { RecordedEvent } from '../../../events/envelope.js'
import type { EventStore } from '../../../src/store/port.js'
import {
  type ConformanceOptions,
  type OpenStore,
  collect,
  expectOk,
  newEvent,
  newEvents,
  newStream,
  positionProblem,
  withStore,
} from './fixtures.js'

/**
 * A subscriber that collects until `stopAfter` (set later) has been delivered,
 * or until aborted from outside. `until(position)` asks it to stop once it has
 * delivered that position.
 */
function subscriber(store: EventStore, fromPosition: bigint) {
  const ac = new AbortController()
  const received: RecordedEvent[] = []
  let stopAt: bigint | null = null
  const reached = () => stopAt !== null && (received.at(-1)?.position ?? fromPosition) >= stopAt
  const done = (async () => {
    for await (const event of store.subscribeToAll({ fromPosition, signal: ac.signal })) {
      received.push(event)
      if (reached()) ac.abort()
    }
    return received
  })()
  return {
    received,
    until(position: bigint) {
      stopAt = position
      if (reached()) ac.abort()
      return done
    },
    abort: () => ac.abort(),
    done,
  }
}

/** Catch-up then live delivery, abort, and no skipped event under concurrent writers. */
export function subscribeCases(t: Test, open: OpenStore, options: Required<ConformanceOptions>): void {
  t.test('subscribeToAll catches up from a position (exclusive), then delivers live commits', t =>
    withStore(open, async store => {
      const stream = newStream()
      const early = expectOk(t, await store.append(stream, newEvents(3), { expectedRevision: 'no_stream' }), 'early')
      const sub = subscriber(store, early.events[0]!.position)
      const late = expectOk(t, await store.append(newStream(), newEvents(2), { expectedRevision: 'no_stream' }), 'late')
      const more = expectOk(t, await store.append(stream, [newEvent()], { expectedRevision: 2n }), 'more')
      const received = await sub.until(more.position)
      t.strictSame(received, [...early.events.slice(1), ...late.events, ...more.events])
    }))

  t.test('aborting a subscription that waits for live events ends the iteration', t =>
    withStore(open, async store => {
      const appended = expectOk(t, await store.append(newStream(), newEvents(2), { expectedRevision: 'no_stream' }), 'append')
      const sub = subscriber(store, 0n)
      // Wait until the catch-up is delivered so the subscription is idle, then abort it.
      while (sub.received.length < 2) await new Promise(resolve => setImmediate(resolve))
      sub.abort()
      t.strictSame(await sub.done, appended.events, 'ended after the caught-up events')
    }))

  t.test('a subscription with an already aborted signal yields nothing', t =>
    withStore(open, async store => {
      await store.append(newStream(), newEvents(2), { expectedRevision: 'no_stream' })
      const ac = new AbortController()
      ac.abort()
      t.strictSame(await collect(store.subscribeToAll({ fromPosition: 0n, signal: ac.signal })), [])
    }))

  t.test('breaking out of a subscription loop ends it', t =>
    withStore(open, async store => {
      const appended = expectOk(t, await store.append(newStream(), newEvents(3), { expectedRevision: 'no_stream' }), 'append')
      const seen: RecordedEvent[] = []
      for await (const event of store.subscribeToAll({ fromPosition: 0n })) {
        seen.push(event)
        if (seen.length === 2) break
      }
      t.strictSame(seen, appended.events.slice(0, 2))
    }))

  t.test('catch-up readers never skip or repeat an event while 8 writers x 200 appends commit', t =>
    withStore(open, async store => {
      const writers = 8
      const appendsPerWriter = 200
      const shared = newStream('shared')
      const written = new Set<string>()
      const fromStart = subscriber(store, 0n)
      let lateJoiner: ReturnType<typeof subscriber> | null = null

      const writer = async (w: number) => {
        const own = newStream(`writer${w}`)
        let revision: bigint | 'no_stream' = 'no_stream'
        for (let i = 0; i < appendsPerWriter; i++) {
          const events = newEvents(1 + ((w + i) % 3))
          for (const e of events) written.add(e.id)
          // Every fifth append goes to a stream all writers share, without a revision check.
          const result =
            i % 5 === 4
              ? await store.append(shared, events, { expectedRevision: 'any' })
              : await store.append(own, events, { expectedRevision: revision })
          const ok = expectOk(t, result, `writer ${w} append ${i}`)
          if (i % 5 !== 4) revision = ok.nextExpectedRevision
          // Half-way through, a second reader starts from the beginning: catch-up meets live under load.
          if (w === 0 && i === appendsPerWriter / 2) lateJoiner = subscriber(store, 0n)
        }
      }
      await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)))
      const head = await store.headPosition()
      const all = await collect(store.readAll())
      t.equal(all.length, written.size, 'every appended event is stored')
      t.equal(all.at(-1)!.position, head)
      t.equal(positionProblem(all, options.densePositions), null, 'stored positions')

      for (const [label, sub] of [['from the start', fromStart], ['late joiner', lateJoiner!]] as const) {
        const received = await sub.until(head)
        t.equal(positionProblem(received, options.densePositions), null, `${label}: in order, no gap, no repeat`)
        t.equal(received.length, all.length, `${label}: every event once`)
        t.strictSame(received, all, `${label}: exactly the stored events`)
      }
      t.strictSame(new Set(all.map(e => e.id)), written, 'the stored ids are the written ids')
    }))
}
