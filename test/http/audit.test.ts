import t from 'tap'
import { closeTestApi, createTestApi, ids, seed } from './harness.js'

/** GET /audit and GET /corrections: editorial acts with reasons, newest first, filtered and paged. */
const api = await createTestApi()
t.teardown(() => closeTestApi(api))
await seed(api.runtime)
const ledger = api.runtime.ledger
const ana = { actor: 'Ana Ruiz', role: 'editor' as const }
const li = { actor: 'Li Wei', role: 'editor' as const }
const must = async (p: Promise<{ ok: boolean }>) => {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r))
}
const other = 'us-sanctions-2024-11-other'
await must(ledger.defineFact(ana, { factId: other, question: 'Another question?', subject: 'US sanctions, other', unit: 'persons', kind: 'count' }))
await must(ledger.correctClaim(ana, ids.claimReuters, { reason: 'the wire said officials', changes: { attributedTo: 'Treasury officials' } }))
await must(ledger.disputeClaim(li, ids.claimAp, { reason: 'which round?' }))
await must(ledger.retractClaim(li, ids.claimBloomberg, { reason: 'Bloomberg withdrew it' }))
await must(ledger.pinFact(ana, ids.fact, { claimId: ids.claimReuters, reason: 'the primary statement' }))
await must(ledger.reassignClaim(ana, ids.claimAp, { toFactId: other, reason: 'it is about another round' }))
await api.runtime.runner.waitFor(await api.runtime.store.headPosition())
const get = async (url: string) => api.app.inject({ url })
interface Entry { kind: string; actor: string; reason: string; claimId: string }

t.test('the audit lists every editorial act newest first, with who, why, the claim and the fact', async (t) => {
  const res = await get('/audit')
  t.equal(res.statusCode, 200)
  const { items, next } = res.json()
  t.same(items.map((e: Entry) => [e.kind, e.actor, e.reason]), [
    ['reassigned', 'Ana Ruiz', 'it is about another round'],
    ['pinned', 'Ana Ruiz', 'the primary statement'],
    ['retracted', 'Li Wei', 'Bloomberg withdrew it'],
    ['disputed', 'Li Wei', 'which round?'],
    ['corrected', 'Ana Ruiz', 'the wire said officials'],
  ])
  t.match(items[0], { claimId: ids.claimAp, factId: ids.fact, fromFactId: ids.fact, toFactId: other, role: 'editor' })
  t.match(items[4], { claimId: ids.claimReuters, factId: ids.fact, changed: ['attributedTo'] })
  t.equal(next, null, 'the whole log fit on one page')
})

t.test('filters by person, kind, fact (including claims since moved away) and date', async (t) => {
  const kinds = async (q: string) => (await get(`/audit?${q}`)).json().items.map((e: Entry) => e.kind)
  t.same(await kinds('actor=li%20wei'), ['retracted', 'disputed'], 'by person, whatever the case')
  t.same(await kinds('kind=pinned,corrected'), ['pinned', 'corrected'])
  t.same(await kinds(`factId=${other}`), ['reassigned', 'disputed'], 'a claim moved to the fact brings its earlier acts')
  t.same(await kinds(`factId=${ids.fact}&kind=disputed`), ['disputed'], 'and stays in the audit of the fact it left')
  const today = new Date().toISOString().slice(0, 10)
  t.equal((await kinds(`from=${today}&to=${today}`)).length, 5)
  t.same(await kinds('to=2000-01-01'), [])
})

t.test('pages with a cursor, without gaps or repeats', async (t) => {
  const first = (await get('/audit?limit=2')).json()
  t.equal(first.items.length, 2)
  t.ok(first.next)
  const second = (await get(`/audit?limit=2&cursor=${first.next}`)).json()
  const third = (await get(`/audit?limit=2&cursor=${second.next}`)).json()
  t.same([...first.items, ...second.items, ...third.items].map((e: Entry) => e.kind), ['reassigned', 'pinned', 'retracted', 'disputed', 'corrected'])
})

t.test('the corrections feed lists corrections and retractions only', async (t) => {
  const res = await get('/corrections')
  t.equal(res.statusCode, 200)
  t.same(res.json().items.map((e: Entry) => [e.kind, e.claimId]), [['retracted', ids.claimBloomberg], ['corrected', ids.claimReuters]])
})

t.test('a bad filter is a 400 naming the parameter', async (t) => {
  const res = await get('/audit?kind=corrected,deleted')
  t.equal(res.statusCode, 400)
  t.match(res.json().errors, [{ path: 'kind', message: /unknown kind "deleted"; kinds are corrected, retracted/ }])
  const date = await get('/audit?from=yesterday')
  t.equal(date.statusCode, 400)
  t.match(date.json().errors, [{ path: 'from' }])
  const cursor = await get('/audit?cursor=abc')
  t.equal(cursor.statusCode, 400)
  t.match(cursor.json().errors, [{ path: 'cursor' }])
})
