import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { pino } from 'pino'
import t from 'tap'
import { reconcileFact } from '../../projections/facts/reconcile.js'
import type { FactView } from '../../projections/model.js'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import type { EventStore } from '../../src/store/port.js'
import { replayUntil } from '../../src/read/replay.js'
import { DATES, FACTS, opArb, runOps } from './ledger-ops.js'
import { openTestRuntime } from './runner-fixture.js'

const clockChoices = [{}, { knownAt: DATES[1]! }, { validAt: DATES[2]! }, { knownAt: DATES[3]!, validAt: DATES[1]! }]

/** What replaying the whole log to `position` and reconciling the fact gives. */
async function replayedView(store: EventStore, factId: string, position: bigint, clocks: { knownAt?: string; validAt?: string }): Promise<FactView | null> {
  const snap = await replayUntil(store, position)
  const fact = snap.facts.get(factId)
  if (!fact) return null
  const claims = [...snap.claims.values()].filter((c) => c.factId === factId)
  return reconcileFact({ fact, claims, sources: snap.sources, policy: snap.policy, position, knownAt: clocks.knownAt ?? null, validAt: clocks.validAt ?? null })
}

t.test('a fact as of any position, on any clock, is what replaying the log to that position gives, whatever batches built the read model', async (t) => {
  const mismatches: unknown[] = []
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (ops, batchSize, live) => {
      const { runtime, cleanup } = await openTestRuntime({ batchSize })
      try {
        const runner = createProjectionRunner({ store: runtime.store, readModel: runtime.readModel, logger: pino({ level: 'silent' }), batchSize, catchUpBatchSize: batchSize })
        await runner.init()
        // Either folded as the commands come (small batches), or all at once afterwards in batches of `batchSize`.
        await runOps(runtime, ops, () => (live ? runner.catchUp() : Promise.resolve()))
        await runner.catchUp()
        const head = await runtime.store.headPosition()
        for (const factId of FACTS) {
          for (let p = 0n; p <= head; p++) {
            for (const clocks of clockChoices) {
              const got = await runtime.facts.getFact(factId, { asOf: p, ...clocks })
              const want = await replayedView(runtime.store, factId, p, clocks)
              if (!isDeepStrictEqual(got, want)) {
                mismatches.push({ factId, position: p.toString(), clocks, batchSize, live })
                return false
              }
            }
          }
        }
        return true
      } finally {
        await cleanup()
      }
    }),
    { numRuns: 8, seed: 20260115 },
  )
  t.same(mismatches, [])
})
