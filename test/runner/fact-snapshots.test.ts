import { pino } from 'pino'
import t from 'tap'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { FACTS, runOps } from './ledger-ops.js'
import { replayedView } from './replayed-view.js'
import { openTestRuntime } from './runner-fixture.js'

// A fact's snapshot keeps the sources its claims cite, and a fold from it
// takes their later events from the fact's index. The index must then hold
// them even when the only claim citing the source has moved to another fact
// in the same batch, since the claim may come back.
t.test('a source retracted while its only claim was filed elsewhere, then the claim comes back: as-of views from a snapshot equal a replay', async (t) => {
  const { runtime, cleanup } = await openTestRuntime()
  t.teardown(cleanup)
  // One catch-up batch for the whole log, a snapshot every third event of a fact.
  const runner = createProjectionRunner({ store: runtime.store, readModel: runtime.readModel, logger: pino({ level: 'silent' }), catchUpBatchSize: 1_000, factSnapshotEvery: 3 })
  await runner.init()
  await runOps(
    runtime,
    [
      { op: 'record', fact: 0, source: 1, figure: 0, modality: 1, date: 0 },
      { op: 'record', fact: 0, source: 0, figure: 1, modality: 1, date: 0 },
      { op: 'reassign', claim: 1, fact: 1 },
      { op: 'retractSource', source: 0 },
      { op: 'reassign', claim: 1, fact: 0 },
    ],
    async () => undefined,
  )
  await runner.catchUp()
  const head = await runtime.store.headPosition()
  const factId = FACTS[0]!
  t.ok(await runtime.readModel.getFactSnapshotAt(factId, head), 'the fact was snapshotted')
  for (let p = 0n; p <= head; p++) {
    for (const clocks of [{}, { knownAt: '2025-04-30' }, { validAt: '2024-09-03' }]) {
      t.same(await runtime.facts.getFact(factId, { asOf: p, ...clocks }), await replayedView(runtime.store, factId, p, clocks), `as of ${p} ${JSON.stringify(clocks)}`)
    }
  }
})

t.test('a fact with more events than the snapshot interval is folded from its nearest snapshot, at most that many events', async (t) => {
  const { runtime, cleanup } = await openTestRuntime()
  t.teardown(cleanup)
  const runner = createProjectionRunner({ store: runtime.store, readModel: runtime.readModel, logger: pino({ level: 'silent' }), catchUpBatchSize: 1_000, factSnapshotEvery: 4 })
  await runner.init()
  const ops = Array.from({ length: 13 }, (_, i) => ({ op: 'record' as const, fact: 0, source: i % 3, figure: i % 5, modality: i % 5, date: i % 4 }))
  await runOps(runtime, ops, async () => undefined)
  await runner.catchUp()
  const head = await runtime.store.headPosition()
  const factId = FACTS[0]!
  const index = await runtime.readModel.getFactEvents(factId, head)
  t.equal(index.length, 14, 'the definition and 13 claims are indexed')
  for (const [i, row] of index.entries()) {
    const snapshot = await runtime.readModel.getFactSnapshotAt(factId, row.position)
    const expected = i >= 3 ? index[i - (i + 1) % 4]!.position : undefined
    t.equal(snapshot?.position, expected, `the snapshot nearest index row ${i + 1} is after row ${expected === undefined ? 'none' : i + 1 - ((i + 1) % 4)}`)
    t.ok((await runtime.readModel.getFactEvents(factId, row.position, snapshot?.position)).length < 4, 'fewer than 4 events left to fold')
    t.same(await runtime.facts.getFact(factId, { asOf: row.position, knownAt: '2024-09-20' }), await replayedView(runtime.store, factId, row.position, { knownAt: '2024-09-20' }))
  }
})
