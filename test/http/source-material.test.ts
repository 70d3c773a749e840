import t from 'tap'
import { closeTestApi, createTestApi, ids, seed } from './harness.js'

/** GET /sources/:id/snapshots and /sources/:id/claims: what the source page shows. */
const api = await createTestApi()
t.teardown(() => closeTestApi(api))
await seed(api.runtime)
const ctx = { actor: 'seed', role: 'system' as const }
const first = 'The Treasury sanctioned 21 officials on Wednesday.'
const second = 'The Treasury sanctioned 21 officials on Wednesday, including 15 security leaders.'
const copy = '01920000-0000-7000-8000-0000000000d1'
await api.runtime.ledger.registerSource(ctx, { sourceId: copy, publisher: 'Wire', title: 'With a copy', publishedAt: '2024-11-27', origin: 'wire', tier: 2, snapshotText: first })
await api.runtime.ledger.reviseSource(ctx, copy, { revisedAt: '2024-11-28', snapshotText: second, note: 'added the security leaders' })
const recorded = await api.runtime.ledger.recordClaim(ctx, {
  factId: ids.fact, sourceId: copy, citation: { quote: 'sanctioned 21 officials', start: 13, end: 36 }, attributedTo: 'U.S. Treasury', value: '21', modality: 'official', validAt: '2024-11-27',
})
if (!recorded.ok) throw new Error(JSON.stringify(recorded))
await api.runtime.runner.waitFor(await api.runtime.store.headPosition())

t.test('every saved copy of a source is readable, oldest first, with the date it became public', async (t) => {
  const res = await api.app.inject({ url: `/sources/${copy}/snapshots` })
  t.equal(res.statusCode, 200)
  t.same(res.json().versions.map((v: { version: number; publishedAt: string; text: string }) => [v.version, v.publishedAt, v.text]), [[0, '2024-11-27', first], [1, '2024-11-28', second]])
})

t.test('a source without a saved copy has no versions; an unknown source is a 404', async (t) => {
  t.same((await api.app.inject({ url: `/sources/${ids.reuters}/snapshots` })).json().versions, [])
  const missing = await api.app.inject({ url: '/sources/01920000-0000-7000-8000-0000000000ff/snapshots' })
  t.equal(missing.statusCode, 404)
  t.match(missing.json().detail, /source "01920000-0000-7000-8000-0000000000ff" does not exist/)
})

t.test('the claims citing a source are listed with their citations, and only those', async (t) => {
  const res = await api.app.inject({ url: `/sources/${copy}/claims` })
  t.equal(res.statusCode, 200)
  const items = res.json().items
  t.same(items.map((c: { claimId: string; citation: { quote: string; verified: boolean } }) => [c.claimId, c.citation.quote, c.citation.verified]), [[recorded.stream.replace('claim-', ''), 'sanctioned 21 officials', true]])
  t.same((await api.app.inject({ url: `/sources/${ids.ap}/claims` })).json().items.map((c: { claimId: string }) => c.claimId), [ids.claimAp])
})
