/**
 * The store conformance suite: one set of behaviours every EventStore adapter
 * (SQLite, PostgreSQL, EventStoreDB, in-memory) must show.
 *
 *   import t from 'tap'
 *   import { runConformance } from './conformance.js'
 *
 *   await runConformance(t, 'sqlite', async () => {
 *     const dir = t.testdir()            // or any fresh place
 *     const path = join(dir, 'ledger.db')
 *     return {
 *       store: await createSqliteEventStore({ path }),
 *       reopen: () => createSqliteEventStore({ path }),
 *       cleanup: async () => {},
 *     }
 *   })
 *
 * `open` is called once per case and must return a store over FRESH, EMPTY
 * data (positions start at 1 in every case). The suite closes every store it
 * gets (the first one, and the one `reopen` returns) exactly once, then calls
 * `cleanup`, even when a case fails. `reopen` is only called after the suite
 * has closed `store`; an in-memory adapter reopens over the same storage.
 *
 * Options: `densePositions` (default true) demands positions 1, 2, 3, ... with
 * no gaps, as RecordedEvent promises; pass false only for a backend whose
 * global positions are log offsets (then they must still strictly increase).
 *
 * Contract details the cases pin down, beyond src/store/port.ts:
 * - readStream backwards starts at fromRevision (inclusive) or at the end;
 * - a retry (every id of the batch already stored, in order, at the place the
 *   same expectedRevision put them, or with 'any') returns the first result
 *   with duplicate: true; some-but-not-all ids stored -> DuplicateEventId;
 * - bad input (empty stream name, empty batch, data JSON cannot represent
 *   exactly, the same id twice in one batch) throws/rejects with an Error;
 * - subscribeToAll ends when its signal aborts (also when already aborted)
 *   and when the consumer breaks out of the loop.
 */
import type { Test } from 'tap'
import { durabilityCases } from './conformance/durability.js'
import { expectedRevisionCases } from './conformance/expected-revision.js'
import type { ConformanceOptions, OpenStore } from './conformance/fixtures.js'
import { idempotencyCases } from './conformance/idempotency.js'
import { orderingCases } from './conformance/ordering.js'
import { readCases } from './conformance/reads.js'
import { roundTripCases } from './conformance/round-trip.js'
import { subscribeCases } from './conformance/subscribe.js'

export type { ConformanceOptions, OpenStore, StoreUnderTest } from './conformance/fixtures.js'

export function runConformance(t: Test, name: string, open: OpenStore, options: ConformanceOptions = {}) {
  const settled: Required<ConformanceOptions> = { densePositions: options.densePositions ?? true }
  return t.test(`${name} store conformance`, async t => {
    t.test('expected revision', async t => expectedRevisionCases(t, open))
    t.test('ordering', async t => orderingCases(t, open, settled))
    t.test('reads', async t => readCases(t, open))
    t.test('idempotent retry', async t => idempotencyCases(t, open))
    t.test('round trip and hash chain', async t => roundTripCases(t, open))
    t.test('subscriptions', async t => subscribeCases(t, open, settled))
    t.test('durability', async t => durabilityCases(t, open))
  })
}
