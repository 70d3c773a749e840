import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { pino } from 'pino'
import t from 'tap'
import { factViewHistory } from '../../src/read/fact-history.js'
import { factViewChanges } from '../../src/read/fact-versions.js'
import { assertProperty } from '../helpers/property.js'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { FACTS, opArb, runOps } from './ledger-ops.js'
import { openTestRuntime } from './runner-fixture.js'

t.test("a fact's view changes read a page at a time, from any position, are the whole history's changes after it, whatever batches built the read model", async (t) => {
  await assertProperty(
    t,
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (ops, batchSize, live) => {
      const { runtime, cleanup } = await openTestRuntime({ batchSize })
      try {
        const runner = createProjectionRunner({ store: runtime.store, readModel: runtime.readModel, logger: pino({ level: 'silent' }), batchSize, catchUpBatchSize: batchSize })
        await runner.init()
        await runOps(runtime, ops, () => (live ? runner.catchUp() : Promise.resolve()))
        await runner.catchUp()
        const head = await runtime.store.headPosition()
        for (const factId of FACTS) {
          const whole = await factViewHistory(runtime, factId)
          for (let after = 0n; after <= head; after++) {
            const paged = []
            for await (const change of factViewChanges(runtime, factId, after)) paged.push(change)
            const want = whole.filter((v) => BigInt(v.asOf.position) > after)
            const previous = whole.filter((v) => BigInt(v.asOf.position) <= after).at(-1) ?? null
            const gotPrevious = paged[0]?.previous
            const ok = isDeepStrictEqual(paged.map((c) => c.view), want) && (paged.length === 0 || sameContent(gotPrevious ?? null, previous))
            if (!ok) return false
          }
        }
        return true
      } finally {
        await cleanup()
      }
    }),
    { numRuns: 8, seed: 20261204 },
  )
})

/** The replaced view may carry the position it was read at rather than where it changed: compare content. */
function sameContent(a: { asOf: unknown } | null, b: { asOf: unknown } | null): boolean {
  return a === null || b === null ? a === b : isDeepStrictEqual({ ...a, asOf: null }, { ...b, asOf: null })
}
