import type { Test } from 'tap'
import type { RecordedEvent } from '../../../events/envelope.js'
import {
  type ConformanceOptions,
  type OpenStore,
  asWritten,
  chainProblem,
  collect,
  expectOk,
  newEvent,
  newEvents,
  newStream,
  positionProblem,
  withStore,
} from './fixtures.js'

/** Revisions, global positions, headPosition, and a large batch. */
export function orderingCases(t: Test, open: OpenStore, options: Required<ConformanceOptions>): void {
  const dense = options.densePositions

  t.test('revisions are 0-based and contiguous across appends', t =>
    withStore(open, async store => {
      const stream = newStream()
      const sizes = [1, 3, 2, 1]
      const results: bigint[][] = []
      for (const size of sizes) {
        const result = expectOk(t, await store.append(stream, newEvents(size), { expectedRevision: 'any' }), 'append')
        results.push(result.events.map(e => e.revision))
        t.equal(result.nextExpectedRevision, result.events.at(-1)!.revision, 'nextExpectedRevision is the last revision')
        t.equal(result.position, result.events.at(-1)!.position, 'position is the last event position')
        t.equal(result.duplicate, false)
      }
      t.strictSame(results, [[0n], [1n, 2n, 3n], [4n, 5n], [6n]])
      const read = await collect(store.readStream(stream))
      t.strictSame(
        read.map(e => e.revision),
        [0n, 1n, 2n, 3n, 4n, 5n, 6n],
      )
    }))

  t.test('global positions start at 1 and follow commit order across streams', t =>
    withStore(open, async store => {
      const a = newStream('a')
      const b = newStream('b')
      const appended: RecordedEvent[] = []
      for (const [stream, size] of [[a, 2], [b, 1], [a, 1], [b, 3]] as const) {
        appended.push(...expectOk(t, await store.append(stream, newEvents(size), { expectedRevision: 'any' }), 'append').events)
      }
      t.equal(positionProblem(appended, dense), null, 'positions increase in the order of the appends')
      if (dense) t.equal(appended[0]!.position, 1n, 'the first position is 1')
      const all = await collect(store.readAll())
      t.strictSame(all, appended, 'readAll returns the events as the appends returned them, in commit order')
      t.strictSame(
        all.map(e => e.stream),
        [a, a, b, a, b, b, b],
      )
    }))

  t.test('headPosition is 0 on an empty store and then the last committed position', t =>
    withStore(open, async store => {
      t.equal(await store.headPosition(), 0n)
      const stream = newStream()
      const first = expectOk(t, await store.append(stream, newEvents(3), { expectedRevision: 'no_stream' }), 'append')
      t.equal(await store.headPosition(), first.position)
      await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' })
      t.equal(await store.headPosition(), first.position, 'a rejected append does not move the head')
      const second = expectOk(t, await store.append(newStream(), [newEvent()], { expectedRevision: 'any' }), 'append')
      t.equal(await store.headPosition(), second.position)
      if (dense) t.equal(second.position, 4n)
    }))

  t.test('a batch of 5,000 events is appended in one piece, in order, with a verified chain', t =>
    withStore(open, async store => {
      const stream = newStream('large')
      const events = newEvents(5000)
      expectOk(t, await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' }), 'first')
      const result = expectOk(t, await store.append(stream, events, { expectedRevision: 0n }), 'large batch')
      t.equal(result.events.length, 5000)
      t.equal(result.nextExpectedRevision, 5000n)
      const read = await collect(store.readStream(stream))
      t.equal(read.length, 5001)
      t.strictSame(read.slice(1).map(asWritten), events, 'every event back, in order')
      t.equal(chainProblem(read), null, 'hash chain verifies')
      t.equal(positionProblem(read, dense), null, 'positions increase')
      t.strictSame(await collect(store.readAll({ fromPosition: read[0]!.position })), read.slice(1), 'readAll agrees')
    }))
}
