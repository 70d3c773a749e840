import type { Test } from 'tap'
import { type OpenStore, chainProblem, collect, expectOk, newEvents, newStream, storeState, withStore } from './fixtures.js'

/** Close and reopen keeps everything, and numbering continues where it stopped. */
export function durabilityCases(t: Test, open: OpenStore): void {
  t.test('close and reopen keeps every event, hash and position; appends continue the numbering', t =>
    withStore(open, async (store, reopen) => {
      const a = newStream('a')
      const b = newStream('b')
      expectOk(t, await store.append(a, newEvents(3), { expectedRevision: 'no_stream' }), 'a')
      const lastB = expectOk(t, await store.append(b, newEvents(2), { expectedRevision: 'no_stream' }), 'b')
      const before = await storeState(store)

      const reopened = await reopen()
      t.strictSame(await storeState(reopened), before, 'everything is back')
      const next = expectOk(t, await reopened.append(a, newEvents(1), { expectedRevision: 2n }), 'append after reopen')
      t.equal(next.events[0]!.revision, 3n, 'revisions continue')
      t.ok(next.position > lastB.position, 'positions continue')
      t.equal(chainProblem(await collect(reopened.readStream(a))), null, 'the chain continues across the reopen')
      const rejected = await reopened.append(b, newEvents(1), { expectedRevision: 'no_stream' })
      t.strictSame(rejected, { ok: false, error: { code: 'WrongExpectedRevision', stream: b, expected: 'no_stream', actual: 1n } })
    }))
}
