import t from 'tap'
import { verifyConsistency, verifyInclusion } from '../../src/ledger/tamper/merkle.js'
import { bearer, closeTestApi, createTestApi, ids, jsonWrite, seed } from './harness.js'

const fact = (factId: string, question: string) => ({ factId, question, subject: question, unit: 'persons', kind: 'count' })

t.test('reads', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const { app } = api
  const get = async (url: string) => {
    const res = await app.inject({ url })
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
    return res
  }
  for (const id of ['fact-a-count', 'fact-b-count', 'fact-c-count', 'fact-d-count']) {
    const res = await app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: fact(id, `How many ${id} were there?`) })
    t.equal(res.statusCode, 201)
  }
  const seeded = await api.head()

  await t.test('GET /facts pages with an opaque cursor until next is null, each fact once', async (t) => {
    const seen: string[] = []
    let url = '/facts?limit=2'
    for (let pages = 0; pages < 10; pages++) {
      const body = (await get(url)).json()
      t.ok(body.items.length <= 2)
      seen.push(...body.items.map((v: { factId: string }) => v.factId))
      if (body.next === null) break
      t.notMatch(body.next, /fact-/, 'the cursor does not expose the key')
      url = `/facts?limit=2&cursor=${encodeURIComponent(body.next)}`
    }
    t.same(seen, ['fact-a-count', 'fact-b-count', 'fact-c-count', 'fact-d-count', ids.fact])
  })

  await t.test('GET /facts filters by status and text', async (t) => {
    t.same((await get('/facts?status=confirmed')).json().items.map((v: { factId: string }) => v.factId), [ids.fact])
    t.same((await get('/facts?status=no-claims&q=C-COUNT')).json().items.map((v: { factId: string }) => v.factId), ['fact-c-count'])
  })

  await t.test('GET /facts/:id answers the three clocks', async (t) => {
    t.match((await get(`/facts/${ids.fact}`)).json(), { display: '21', status: 'confirmed', origins: 3 })
    // Publication clock: on 2024-11-27 only Reuters had reported.
    t.match((await get(`/facts/${ids.fact}?knownAt=2024-11-27`)).json(), { display: '21', status: 'single-source', origins: 1, asOf: { knownAt: '2024-11-27' } })
    // Ledger clock: at position 5 (the fact and Reuters' claim were recorded) the ledger held one claim.
    t.match((await get(`/facts/${ids.fact}?asOf=5`)).json(), { status: 'single-source', asOf: { position: '5' } })
    t.match((await get(`/facts/${ids.fact}?asOf=2099-01-01T00:00:00Z`)).json(), { status: 'confirmed' })
    const before = await app.inject({ url: `/facts/${ids.fact}?asOf=2000-01-01` })
    t.equal(before.statusCode, 404, 'the fact did not exist then')
    // Valid-time clock: no claim is about a time before the round.
    t.match((await get(`/facts/${ids.fact}?validAt=2024-11-01`)).json(), { status: 'no-claims', asOf: { validAt: '2024-11-01' } })
    t.match((await get(`/facts?knownAt=2024-11-27&q=round`)).json(), { items: [{ factId: ids.fact, status: 'single-source' }] })
  })

  await t.test('a status filter with a clock filters by the status at that clock, page by page', async (t) => {
    const ofIds = (body: { items: { factId: string }[] }) => body.items.map((v) => v.factId)
    t.same(ofIds((await get('/facts?status=single-source&knownAt=2024-11-27')).json()), [ids.fact], 'confirmed now, single-source then')
    t.same(ofIds((await get('/facts?status=confirmed&knownAt=2024-11-27')).json()), [])
    t.same(ofIds((await get('/facts?status=confirmed&asOf=5')).json()), [], 'on the ledger clock too')
    const seen: string[] = []
    let url = '/facts?status=no-claims&knownAt=2024-11-27&limit=3'
    for (let pages = 0; pages < 10; pages++) {
      const body = (await get(url)).json()
      t.ok(body.items.length <= 3)
      seen.push(...ofIds(body))
      if (body.next === null) break
      url = `/facts?status=no-claims&knownAt=2024-11-27&limit=3&cursor=${encodeURIComponent(body.next)}`
    }
    t.same(seen, ['fact-a-count', 'fact-b-count', 'fact-c-count', 'fact-d-count'])
  })

  await t.test('GET /facts/:id carries the fact stream revision as ETag', async (t) => {
    t.equal((await get(`/facts/${ids.fact}`)).headers.etag, '"0"')
  })

  await t.test('GET /facts/:id/history lists each change of the view with what changed; the whole view is one GET away', async (t) => {
    const body = (await get(`/facts/${ids.fact}/history`)).json()
    t.equal(body.factId, ids.fact)
    t.equal(body.fact.factId, ids.fact)
    t.same(body.versions.map((v: { status: string; origins: number }) => `${v.status}/${v.origins}`), ['no-claims/0', 'single-source/1', 'confirmed/2', 'confirmed/3'])
    t.same(body.versions[2].changes.supporting, { added: [ids.claimAp], removed: [] }, 'a version carries the change, not the whole view again')
    t.equal(body.next, null)
    const second = body.versions[1]
    t.same((await get(second.view)).json().supporting, [ids.claimReuters], 'the view link answers the whole view at that position')
    t.equal(second.view, `/facts/${ids.fact}?asOf=${second.position}`)
  })

  await t.test('GET /facts/:id/history pages the versions with an opaque cursor', async (t) => {
    const seen: string[] = []
    let url = `/facts/${ids.fact}/history?limit=3`
    for (let pages = 0; pages < 5; pages++) {
      const body = (await get(url)).json()
      t.ok(body.versions.length <= 3)
      seen.push(...body.versions.map((v: { position: string }) => v.position))
      if (body.next === null) break
      url = `/facts/${ids.fact}/history?limit=3&cursor=${encodeURIComponent(body.next)}`
    }
    t.same(seen, (await get(`/facts/${ids.fact}/history`)).json().versions.map((v: { position: string }) => v.position))
    t.equal(seen.length, 4)
  })

  await t.test('GET /facts/:id/claims and /timeline page the claims (with their sources) and the events on three clocks', async (t) => {
    const first = (await get(`/facts/${ids.fact}/claims?limit=2`)).json()
    t.equal(first.items.length, 2)
    const second = (await get(`/facts/${ids.fact}/claims?limit=2&cursor=${encodeURIComponent(first.next)}`)).json()
    t.equal(second.next, null)
    const claims = [...first.items, ...second.items]
    t.same(claims.map((c: { claimId: string }) => c.claimId).sort(), [ids.claimReuters, ids.claimAp, ids.claimBloomberg].sort())
    t.same(first.sources.map((s: { sourceId: string }) => s.sourceId).sort(), [...new Set(first.items.map((c: { sourceId: string }) => c.sourceId))].sort(), "a page's sources are its claims' sources")
    const timeline = (await get(`/facts/${ids.fact}/timeline?limit=3`)).json()
    t.same(timeline.items.map((e: { action: string }) => e.action), ['defined', 'recorded', 'recorded'])
    t.match(timeline.items[1], { claimId: ids.claimReuters, publishedAt: '2024-11-27', validAt: '2024-11-27', value: '21', position: '5', recordedAt: String })
    const rest = (await get(`/facts/${ids.fact}/timeline?limit=3&cursor=${encodeURIComponent(timeline.next)}`)).json()
    t.same(rest.items.map((e: { action: string }) => e.action), ['recorded'])
    t.equal(rest.next, null)
  })

  await t.test('a bad cursor or limit on a fact list is a 400 naming the parameter', async (t) => {
    for (const url of [`/facts/${ids.fact}/history?cursor=bm9wZQ`, `/facts/${ids.fact}/claims?cursor=%25%25`, `/facts/${ids.fact}/timeline?cursor=${Buffer.from(JSON.stringify({ v: 1, after: 'x' })).toString('base64url')}`]) {
      const res = await app.inject({ url })
      t.equal(res.statusCode, 400, url)
      t.match(res.json(), { code: 'ValidationFailed', errors: [{ path: 'cursor', location: 'query' }] }, url)
    }
    const res = await app.inject({ url: `/facts/${ids.fact}/history?limit=201` })
    t.equal(res.statusCode, 400)
    t.match(res.json(), { errors: [{ path: 'limit' }] })
  })

  await t.test('exports are served as JSON-LD and PROV-JSON', async (t) => {
    const review = await get(`/facts/${ids.fact}/claimreview`)
    t.match(review.headers['content-type'], /^application\/ld\+json/)
    t.match(review.json(), { '@type': 'ClaimReview', url: `http://localhost:80/facts/${ids.fact}`, itemReviewed: { appearance: Array } })
    t.equal(review.json().itemReviewed.appearance.length, 3)
    const prov = await get(`/facts/${ids.fact}/prov`)
    t.match(prov.headers['content-type'], /^application\/json/)
    t.equal(Object.keys(prov.json().wasQuotedFrom).length, 3, 'one quotation per claim')
  })

  await t.test('GET /claims/:id returns the claim, its source and revision', async (t) => {
    const res = await get(`/claims/${ids.claimReuters}`)
    t.match(res.json(), { claim: { claimId: ids.claimReuters, citation: { quote: 'The Treasury sanctioned 21 officials' } }, source: { sourceId: ids.reuters }, revision: '0' })
    t.equal(res.headers.etag, '"0"')
  })

  await t.test('GET /sources pages; GET /sources/:id has an ETag', async (t) => {
    const first = (await get('/sources?limit=2')).json()
    t.equal(first.items.length, 2)
    const second = (await get(`/sources?limit=2&cursor=${first.next}`)).json()
    t.same(second, { items: [second.items[0]], next: null })
    t.equal((await get(`/sources/${ids.ap}`)).headers.etag, '"0"')
  })

  await t.test('GET /events pages through the whole log exactly once', async (t) => {
    const positions: string[] = []
    let from = '0'
    for (;;) {
      const body = (await get(`/events?from=${from}&limit=3`)).json()
      positions.push(...body.items.map((e: { position: string }) => e.position))
      if (body.next === null) break
      from = body.next
    }
    t.same(positions, Array.from({ length: Number(seeded) }, (_, i) => String(i + 1)))
    const [first] = (await get('/events?limit=1')).json().items
    t.match(first, { position: '1', revision: '0', type: 'SourceRegistered', hash: /^[0-9a-f]{64}$/, prevHash: null, metadata: { actor: 'seed' } })
  })

  await t.test('ledger head, inclusion and consistency proofs verify', async (t) => {
    const head = (await get('/ledger/head')).json()
    t.match(head, { size: Number(seeded), position: String(seeded) })
    const proof = (await get('/ledger/proof/3')).json()
    const hex = (h: string) => Buffer.from(h, 'hex')
    t.equal(proof.rootHash, head.rootHash)
    t.ok(verifyInclusion(hex(proof.leafHash), proof.leafIndex, proof.treeSize, proof.proof.map(hex), hex(proof.rootHash)), 'inclusion proof verifies')
    const older = (await get('/ledger/proof/3?treeSize=4')).json()
    t.equal(older.treeSize, 4)
    const consistency = (await get('/ledger/consistency?from=4')).json()
    t.equal(consistency.toRoot, head.rootHash)
    t.equal(consistency.fromRoot, older.rootHash)
    t.ok(verifyConsistency(4, consistency.toSize, hex(consistency.fromRoot), hex(consistency.toRoot), consistency.proof.map(hex)), 'consistency proof verifies')
    t.equal((await app.inject({ url: '/ledger/consistency?from=9&to=4' })).statusCode, 400)
    t.equal((await app.inject({ url: '/ledger/proof/3?treeSize=2' })).statusCode, 400)
    t.match((await get('/ledger/verify')).json(), { ok: true, events: Number(seeded), head: { rootHash: head.rootHash } })
  })

  await t.test('health and readiness', async (t) => {
    t.same((await get('/health')).json(), { status: 'ok' })
    t.match((await get('/ready')).json(), { status: 'ready', store: 'memory', headPosition: String(seeded), lag: '0' })
  })
})

t.test('with FACTLEDGER_PUBLIC_READS=false reads need a key, health does not', async (t) => {
  const api = await createTestApi({ FACTLEDGER_PUBLIC_READS: 'false' })
  t.teardown(() => closeTestApi(api))
  t.equal((await api.app.inject({ url: '/facts' })).statusCode, 401)
  t.equal((await api.app.inject({ url: '/facts', headers: bearer('reader') })).statusCode, 200)
  t.equal((await api.app.inject({ url: '/events/live?from=x' })).statusCode, 401, 'the live feed too')
  t.equal((await api.app.inject({ url: '/health' })).statusCode, 200)
  t.equal((await api.app.inject({ url: '/ready' })).statusCode, 200)
})

t.test('/ready is 503 when the read model lags too far behind', async (t) => {
  const api = await createTestApi({}, { maxReadyLag: 0n })
  t.teardown(() => closeTestApi(api))
  await api.runtime.runner.stop()
  await defineWithoutProjecting(api.runtime)
  const res = await api.app.inject({ url: '/ready' })
  t.equal(res.statusCode, 503)
  t.match(res.json(), { status: 'not-ready', lag: '1', reason: /1 events behind/ })
})

async function defineWithoutProjecting(runtime: Parameters<typeof seed>[0]) {
  const r = await runtime.ledger.defineFact({ actor: 'seed', role: 'system' }, fact('lagging-fact', 'How many lagging things?'))
  if (!r.ok) throw new Error(r.error.message)
}
