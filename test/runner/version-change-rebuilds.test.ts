import Database from 'better-sqlite3'
import t from 'tap'
import { loadDemo } from '../../src/demo/load-demo.js'
import { projectionVersion } from '../../projections/version.js'
import { snapshotReadModel } from './read-model-snapshot.js'
import { openTestRuntime } from './runner-fixture.js'

t.test('a read model built by another projection version is rebuilt on start', async (t) => {
  const { runtime, path, cleanup } = await openTestRuntime()
  t.teardown(cleanup)
  t.equal(await runtime.runner.init(), 'empty')
  await loadDemo(runtime.ledger)
  await runtime.runner.catchUp()
  const expected = await snapshotReadModel(runtime)

  // Simulate an older build of the projections: a stale version and a corrupted view.
  const raw = new Database(path)
  raw.prepare('UPDATE rm_checkpoint SET version = ?').run('facts-v0.0')
  raw.prepare("UPDATE rm_fact_views SET view = json_set(view, '$.display', 'stale') WHERE fact_id = ?").run('us-sanctions-2024-11-round-count')
  raw.close()
  t.equal((await runtime.readModel.getFactView('us-sanctions-2024-11-round-count'))?.display, 'stale')

  t.equal(await runtime.runner.init(), 'rebuilt')
  t.equal((await runtime.readModel.getCheckpoint())?.version, projectionVersion)
  t.same(await snapshotReadModel(runtime), expected)
  t.equal(await runtime.runner.init(), 'current', 'a current read model is left alone')
})
