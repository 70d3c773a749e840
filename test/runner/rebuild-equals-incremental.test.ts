import assert from 'node:assert/strict'
import fc from 'fast-check'
import { pino } from 'pino'
import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { loadDemo } from '../../src/demo/load-demo.js'
import { DATES, opArb, runOps } from './ledger-ops.js'
import { snapshotReadModel } from './read-model-snapshot.js'
import { openTestRuntime } from './runner-fixture.js'

const clocks = [{ knownAt: DATES[1]! }, { validAt: DATES[2]! }, { knownAt: DATES[2]!, validAt: DATES[1]! }]

t.test('a rebuild in batches of any size shows exactly what incremental application showed: documents, views, history, every as-of view on all three clocks', async (t) => {
  await assertProperty(
    t,
    // Each side snapshots facts' documents at its own interval: the as-of views must not depend on where the snapshots are.
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), async (ops, batchSize, everyLive, everyRebuilt) => {
      const { runtime, cleanup } = await openTestRuntime({ batchSize: 500, factSnapshotEvery: everyLive })
      try {
        await runtime.runner.init()
        // Incremental: every command is folded on its own, one small batch at a time.
        await runOps(runtime, ops, () => runtime.runner.catchUp())
        const incremental = await snapshotReadModel(runtime, clocks)
        // A rebuild in batches of `batchSize`, with a cache so small it evicts all the time.
        const rebuilder = createProjectionRunner({ store: runtime.store, readModel: runtime.readModel, logger: pino({ level: 'silent' }), batchSize, catchUpBatchSize: batchSize, docCacheLimits: { facts: 1, sources: 1, claims: 2 }, factSnapshotEvery: everyRebuilt })
        await rebuilder.rebuild()
        const rebuilt = await snapshotReadModel(runtime, clocks)
        assert.deepStrictEqual(rebuilt, incremental, `a rebuild in batches of ${batchSize}, snapshots every ${everyRebuilt} events against ${everyLive}`)
      } finally {
        await cleanup()
      }
    }),
    { numRuns: 10, seed: 20241127 },
  )
})

t.test('the demo corpus rebuilds to the same read model, with a different batch size', async (t) => {
  const { runtime, cleanup } = await openTestRuntime({ batchSize: 3 })
  t.teardown(cleanup)
  await runtime.runner.init()
  await loadDemo(runtime.ledger)
  await runtime.runner.catchUp()
  const before = await snapshotReadModel(runtime)
  t.ok(before.facts.length >= 8, 'the demo defines its facts')
  await runtime.runner.rebuild()
  t.same(await snapshotReadModel(runtime), before)
})
