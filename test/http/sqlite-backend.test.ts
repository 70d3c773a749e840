import { join } from 'node:path'
import t from 'tap'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { closeTestApi, createTestApi, ids, jsonWrite, seed } from './harness.js'
import { connectSse } from './sse-client.js'

/** The same API over the embedded default store (SQLite events + read model in one file). */
t.test('the API over the SQLite backend', async (t) => {
  const backend = await openSqliteBackend({ path: join(t.testdir(), 'ledger.db') })
  const api = await createTestApi({}, {}, backend)
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const { app } = api

  await t.test('pages facts with the cursor the SQLite read model issues', async (t) => {
    for (const id of ['aa-first-fact', 'bb-second-fact']) {
      const res = await app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { factId: id, question: `How many ${id}?`, subject: id, unit: 'items', kind: 'count' } })
      t.equal(res.statusCode, 201)
    }
    const first = (await app.inject({ url: '/facts?limit=2' })).json()
    t.equal(first.items.length, 2)
    const second = (await app.inject({ url: `/facts?limit=2&cursor=${first.next}` })).json()
    t.same([...first.items, ...second.items].map((v: { factId: string }) => v.factId).sort(), ['aa-first-fact', 'bb-second-fact', ids.fact].sort())
    t.equal(second.next, null)
    const forged = Buffer.from(JSON.stringify({ v: 1, after: '%%%' })).toString('base64url')
    const bad = await app.inject({ url: `/facts?cursor=${forged}` })
    t.equal(bad.statusCode, 400, 'a forged cursor is a 400, not a 500')
    t.match(bad.json(), { errors: [{ path: 'cursor', location: 'query' }] })
  })

  await t.test('a write with If-Match and Idempotency-Key is read back at once, and replayed once', async (t) => {
    const headers = jsonWrite('editor', { 'if-match': '"0"', 'idempotency-key': 'sqlite-dispute' })
    const first = await app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/disputes`, headers, payload: { reason: 'check the figure' } })
    t.equal(first.statusCode, 200)
    const replay = await app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/disputes`, headers, payload: { reason: 'check the figure' } })
    t.same(replay.json(), first.json())
    const claim = (await app.inject({ url: `/claims/${ids.claimAp}` })).json()
    t.equal(claim.claim.disputes.length, 1)
    t.equal(claim.revision, '1')
  })

  await t.test('history, exports and the ledger clock answer from the file', async (t) => {
    // Defined, three claims recorded, then AP's claim disputed (the view shows the open dispute): five views.
    t.equal((await app.inject({ url: `/facts/${ids.fact}/history` })).json().versions.length, 5)
    // Reuters and Bloomberg still confirm it without the disputed AP claim; the review says a dispute is open.
    t.match((await app.inject({ url: `/facts/${ids.fact}/claimreview` })).json().reviewRating, { alternateName: 'Confirmed, disputed', ratingValue: 4 })
    t.match((await app.inject({ url: `/facts/${ids.fact}?asOf=5` })).json(), { status: 'single-source' })
    t.match((await app.inject({ url: '/ledger/verify' })).json(), { ok: true })
  })

  await t.test('the live feed resumes from Last-Event-ID', async (t) => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 })
    const feed = await connectSse(`${url}/events/live`, { 'last-event-id': '6' })
    t.teardown(() => feed.close())
    t.equal((await feed.nextEvent())?.id, '7')
  })
})
