import { readFileSync } from 'node:fs'
import t from 'tap'
import { openTestRuntime } from './runner-fixture.js'

const v1 = JSON.parse(readFileSync(new URL('../fixtures/events/claim-recorded-v1.json', import.meta.url), 'utf8')) as { data: { claimId: string; factId: string; sourceId: string } }
const editor = { actor: 'alice', role: 'editor' as const }

t.test('an event stored as ClaimRecorded v1 is projected in its v2 shape', async (t) => {
  const { runtime, cleanup } = await openTestRuntime()
  t.teardown(cleanup)
  const { ledger, store, runner } = runtime
  t.ok((await ledger.registerSource(editor, { sourceId: v1.data.sourceId, publisher: 'Wire', title: 'Plans', publishedAt: '2024-09-03', origin: 'bloomberg', tier: 2 })).ok)
  t.ok((await ledger.defineFact(editor, { factId: v1.data.factId, question: 'How many in the September round?', subject: 'sanctions', unit: 'persons', kind: 'count' })).ok)
  // Written as an old build of factledger wrote it: schemaVersion 1 and `via` as a string.
  const appended = await store.append(`claim-${v1.data.claimId}`, [
    { id: '0191b7c1-8a00-7000-8000-0000000000e1', type: 'ClaimRecorded', schemaVersion: 1, data: v1.data, metadata: { actor: 'old-build', role: 'editor', correlationId: 'c', causationId: 'c', recordedAt: '2024-09-04T00:00:00.000Z' } },
  ], { expectedRevision: 'no_stream' })
  t.ok(appended.ok)
  await runner.init()
  await runner.catchUp()
  const claim = await runtime.readModel.getClaim(v1.data.claimId)
  t.same(claim?.via, ['according to documents seen by Bloomberg'])
  t.equal((await runtime.facts.getFact(v1.data.factId))?.display, '15')
  // Commands fold the old event the same way: a correction of the v1 claim works.
  const corrected = await ledger.correctClaim(editor, v1.data.claimId, { reason: 'the chain has two links', changes: { via: ['Bloomberg', 'documents seen by Bloomberg'] } })
  t.ok(corrected.ok)
})
