import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { pino } from 'pino'
import t from 'tap'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { DATES, FACTS, opArb, runOps } from './ledger-ops.js'
import { replayedView } from './replayed-view.js'
import { openTestRuntime } from './runner-fixture.js'

const clockChoices = [{}, { knownAt: DATES[1]! }, { validAt: DATES[2]! }, { knownAt: DATES[3]!, validAt: DATES[1]! }]

t.test('a fact as of any position, on any clock, is what replaying the log to that position gives, whatever batches built the read model and however often its documents were snapshotted', async (t) => {
  const mismatches: unknown[] = []
  await fc.assert(
    // Snapshots every 1-4 of a fact's events (64 in production), so the folds from a snapshot are what is checked.
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.integer({ min: 1, max: 4 }), async (ops, batchSize, live, factSnapshotEvery) => {
      const { runtime, cleanup } = await openTestRuntime({ batchSize })
      try {
        const runner = createProjectionRunner({ store: runtime.store, readModel: runtime.readModel, logger: pino({ level: 'silent' }), batchSize, catchUpBatchSize: batchSize, factSnapshotEvery })
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
                mismatches.push({ factId, position: p.toString(), clocks, batchSize, live, factSnapshotEvery })
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
