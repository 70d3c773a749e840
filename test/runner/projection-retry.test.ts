import t, { type Test } from 'tap'
import { loadDemo } from '../../src/demo/load-demo.js'
import type { ProjectionBatch } from '../../src/read-model/port.js'
import { snapshotReadModel } from './read-model-snapshot.js'
import { openTestRuntime } from './runner-fixture.js'

type Opened = Awaited<ReturnType<typeof openTestRuntime>>

/** Poll a condition the runner reaches by itself (its retries run on timers); the tap timeout bounds a hang. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 5))
}

/** The read model's commit fails while `fails(batch)` says so, with the error a full disk gives. */
function injectCommitFailure(opened: Opened, fails: (batch: ProjectionBatch) => boolean) {
  const { readModel } = opened.runtime
  const commit = readModel.commit.bind(readModel)
  let failures = 0
  readModel.commit = async (batch) => {
    if (fails(batch)) {
      failures++
      throw Object.assign(new Error('database or disk is full (injected)'), { code: 'SQLITE_FULL' })
    }
    return commit(batch)
  }
  return { failures: () => failures }
}

async function equalsRebuild(t: Test, opened: Opened) {
  const { runner } = opened.runtime
  const incremental = await snapshotReadModel(opened.runtime)
  await runner.stop()
  await runner.rebuild()
  t.same(incremental, await snapshotReadModel(opened.runtime), 'the read model equals a rebuild from the log')
}

t.test('the read-model write fails 3 times, then succeeds: every event is projected, none skipped', async (t) => {
  const opened = await openTestRuntime({ retryDelayMs: () => 1 })
  t.teardown(opened.cleanup)
  const { runtime } = opened
  await runtime.runner.init()
  runtime.runner.start()
  let left = 3
  const injected = injectCommitFailure(opened, () => left-- > 0)
  await loadDemo(runtime.ledger)
  const head = await runtime.store.headPosition()
  t.equal(await runtime.runner.waitFor(head, 60_000), true, 'the read model reaches the head')
  t.equal(injected.failures(), 3)
  t.equal(runtime.runner.position(), head)
  t.match(runtime.runner.health(), { state: 'following', failure: null })
  await equalsRebuild(t, opened)
})

t.test('an event that fails every time stops the checkpoint before it, is reported by id, and is projected once it can be', async (t) => {
  const opened = await openTestRuntime({ retryDelayMs: () => 1 })
  t.teardown(opened.cleanup)
  const { runtime } = opened
  await runtime.runner.init()
  runtime.runner.start()
  await loadDemo(runtime.ledger)
  const before = await runtime.store.headPosition()
  await runtime.runner.waitFor(before, 60_000)
  // The next claim correction is the poison: any batch that holds it fails.
  let broken = true
  const poison = before + 1n
  injectCommitFailure(opened, (batch) => broken && runtime.runner.position() < poison && batch.checkpoint.position >= poison)
  const claims = await runtime.readModel.getClaimsOfFact('us-sanctions-2024-11-round-count')
  const claimId = claims[0]!.claimId
  const written = await runtime.ledger.disputeClaim({ actor: 'chaos', role: 'editor' }, claimId, { reason: 'poison' })
  t.ok(written.ok)
  if (!written.ok) return
  t.equal(written.position, poison)
  for (let i = 0; i < 3; i++) t.ok((await runtime.ledger.disputeClaim({ actor: 'chaos', role: 'editor' }, claimId, { reason: `after ${i}` })).ok)
  await until(() => (runtime.runner.health().failure?.attempts ?? 0) >= 3)
  const health = runtime.runner.health()
  t.match(health, { state: 'retrying', projectedPosition: String(before), failure: { event: { id: written.event.id, position: String(poison), type: 'ClaimDisputed' }, error: /disk is full/ } })
  t.equal(runtime.runner.position(), before, 'the checkpoint never passes the event that was not projected')
  t.equal((await runtime.readModel.getCheckpoint())?.position, before, 'nor does the stored checkpoint')
  broken = false
  const head = await runtime.store.headPosition()
  t.equal(await runtime.runner.waitFor(head, 60_000), true)
  t.match(runtime.runner.health(), { state: 'following', failure: null })
  await equalsRebuild(t, opened)
})

t.test('a live batch queued behind a failing one is not committed over it: the checkpoint stays before the failed event', async (t) => {
  const opened = await openTestRuntime({ batchSize: 2, retryDelayMs: () => 1 })
  t.teardown(opened.cleanup)
  const { runtime } = opened
  await runtime.runner.init()
  runtime.runner.start()
  await loadDemo(runtime.ledger)
  const before = await runtime.store.headPosition()
  await runtime.runner.waitFor(before, 60_000)
  const poison = before + 1n
  let broken = true
  const { readModel } = runtime
  const commit = readModel.commit.bind(readModel)
  readModel.commit = async (batch) => {
    // Only a batch that holds the failed event fails, as a bad row or a constraint makes it fail.
    if (broken && batch.factEvents?.some((e) => BigInt(e.position) === poison)) {
      // A slow failure, as a remote database gives: later events queue a batch of their own meanwhile.
      await new Promise((r) => setTimeout(r, 50))
      throw new Error('read model write failed (injected)')
    }
    return commit(batch)
  }
  const claims = await runtime.readModel.getClaimsOfFact('us-sanctions-2024-11-round-count')
  const dispute = (i: number) => runtime.ledger.disputeClaim({ actor: 'chaos', role: 'editor' }, claims[i % claims.length]!.claimId, { reason: `burst ${i}` })
  // The failed event arrives alone; more arrive while its batch is still failing.
  t.ok((await dispute(0)).ok)
  await new Promise((r) => setTimeout(r, 10))
  const writes = await Promise.all(Array.from({ length: 12 }, (_, i) => dispute(i + 1)))
  t.ok(writes.every((w) => w.ok))
  const head = await runtime.store.headPosition()
  // Either the failure repeats (the batch behind it waits), or the runner reached the head by skipping it.
  await until(() => (runtime.runner.health().failure?.attempts ?? 0) >= 3 || runtime.runner.position() >= head)
  t.ok(runtime.runner.position() < poison, `the checkpoint (${runtime.runner.position()}) stays before the failed event (${poison})`)
  broken = false
  t.equal(await runtime.runner.waitFor(head, 60_000), true)
  await equalsRebuild(t, opened)
})
