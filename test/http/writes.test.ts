import { createHash } from 'node:crypto'
import t from 'tap'
import { closeTestApi, createTestApi, ids, jsonWrite, keys, seed, type TestApi } from './harness.js'

const newSource = {
  publisher: 'El País',
  title: 'EE UU sanciona a 21 funcionarios',
  url: 'https://example.org/elpais/sanciones',
  publishedAt: '2024-11-28',
  origin: 'el-pais',
  tier: 2,
}

async function lastEvent(api: TestApi) {
  const events = []
  for await (const e of api.runtime.store.readAll({ fromPosition: (await api.head()) - 1n })) events.push(e)
  return events[0]!
}

t.test('writes', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const { app } = api

  await t.test('POST /sources answers 201 with Location and ETag, and the source is readable at once', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor'), payload: newSource })
    t.equal(res.statusCode, 201)
    const body = res.json()
    t.match(body, { id: String, stream: `source-${body.id}`, revision: '0', position: String(await api.head()), type: 'SourceRegistered' })
    t.equal(res.headers.etag, '"0"')
    t.equal(res.headers.location, `/sources/${body.id}`)
    const read = await app.inject({ url: res.headers.location as string })
    t.equal(read.statusCode, 200)
    t.match(read.json(), { sourceId: body.id, publisher: 'El País', retracted: null })
    t.equal(read.headers.etag, '"0"')
  })

  await t.test('the event records a non-secret actor for the key, its role and the request id as correlation id', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor', { 'x-request-id': 'trace-abc-123' }), payload: { ...newSource, title: 'Another' } })
    t.equal(res.statusCode, 201)
    t.equal(res.headers['x-request-id'], 'trace-abc-123')
    const event = await lastEvent(api)
    const actor = `key:${createHash('sha256').update(keys.editor).digest('hex').slice(0, 8)}`
    t.match(event.metadata, { actor, role: 'editor', correlationId: 'trace-abc-123' })
    t.notMatch(JSON.stringify({ ...event, revision: 0, position: 0 }), keys.editor, "the key itself is not stored")
  })

  await t.test('a new claim changes the fact view before the write returns', async (t) => {
    const source = (await app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor'), payload: { ...newSource, title: 'Third', origin: 'third' } })).json()
    const res = await app.inject({
      method: 'POST',
      url: '/claims',
      headers: jsonWrite('editor'),
      payload: { factId: ids.fact, sourceId: source.id, citation: { quote: 'sancionó a 21' }, attributedTo: 'U.S. Treasury', value: '21', modality: 'reported', validAt: '2024-11-27' },
    })
    t.equal(res.statusCode, 201)
    t.equal(res.headers.location, `/claims/${res.json().id}`)
    const view = (await app.inject({ url: `/facts/${ids.fact}` })).json()
    t.ok(view.supporting.includes(res.json().id), 'the new claim supports the view')
    t.equal(view.origins, 4)
  })

  await t.test('a correction with the ETag as If-Match succeeds; replaying the old ETag is 409 with the current revision', async (t) => {
    const claim = await app.inject({ url: `/claims/${ids.claimBloomberg}` })
    t.equal(claim.headers.etag, '"0"')
    t.equal(claim.json().revision, '0')
    const payload = { reason: 'we transcribed who said it wrong', changes: { attributedTo: 'U.S. Treasury Department' } }
    const res = await app.inject({ method: 'POST', url: `/claims/${ids.claimBloomberg}/corrections`, headers: jsonWrite('editor', { 'if-match': claim.headers.etag as string }), payload })
    t.equal(res.statusCode, 200)
    t.equal(res.headers.etag, '"1"')
    t.match(res.json(), { id: ids.claimBloomberg, revision: '1', type: 'ClaimCorrected' })
    const after = (await app.inject({ url: `/claims/${ids.claimBloomberg}` })).json()
    t.equal(after.claim.attributedTo, 'U.S. Treasury Department')
    t.match(after.claim.lifecycle[1], { action: 'corrected', before: { attributedTo: 'U.S. Treasury' } })

    const before = await api.head()
    const stale = await app.inject({ method: 'POST', url: `/claims/${ids.claimBloomberg}/disputes`, headers: jsonWrite('editor', { 'if-match': '"0"' }), payload: { reason: 'doubt' } })
    t.equal(stale.statusCode, 409)
    t.match(stale.json(), { code: 'WrongExpectedRevision', currentRevision: '1' })
    t.equal(await api.head(), before)
  })

  await t.test('If-Match: * accepts any revision', async (t) => {
    const res = await app.inject({ method: 'POST', url: `/claims/${ids.claimBloomberg}/disputes`, headers: jsonWrite('editor', { 'if-match': '*' }), payload: { reason: 'doubt' } })
    t.equal(res.statusCode, 200)
    t.equal(res.headers.etag, '"2"')
  })

  await t.test('pin and unpin with the fact ETag', async (t) => {
    const fact = await app.inject({ url: `/facts/${ids.fact}` })
    t.equal(fact.headers.etag, '"0"')
    const pin = await app.inject({ method: 'POST', url: `/facts/${ids.fact}/pins`, headers: jsonWrite('editor', { 'if-match': '"0"' }), payload: { claimId: ids.claimReuters, reason: 'the Treasury release itself' } })
    t.equal(pin.statusCode, 200)
    t.equal((await app.inject({ url: `/facts/${ids.fact}` })).json().status, 'pinned')
    const unpin = await app.inject({ method: 'DELETE', url: `/facts/${ids.fact}/pins`, headers: jsonWrite('editor', { 'if-match': pin.headers.etag as string }), payload: { reason: 'no longer needed' } })
    t.equal(unpin.statusCode, 200)
    t.equal(unpin.headers.etag, '"2"')
    t.not((await app.inject({ url: `/facts/${ids.fact}` })).json().status, 'pinned')
  })

  await t.test('pinning a claim that is not filed under the fact is 422', async (t) => {
    const other = (await app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { factId: 'other-fact', question: 'How many other things?', subject: 'other', unit: 'persons', kind: 'count' } })).json()
    t.equal(other.id, 'other-fact')
    const res = await app.inject({ method: 'POST', url: '/facts/other-fact/pins', headers: jsonWrite('editor'), payload: { claimId: ids.claimAp, reason: 'x' } })
    t.equal(res.statusCode, 422)
    t.match(res.json(), { code: 'InvariantViolated', errors: [{ path: 'claimId', location: 'body' }] })
  })

  await t.test('reassign, retract a claim; revise and retract a source', async (t) => {
    const reassign = await app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/reassignments`, headers: jsonWrite('editor'), payload: { toFactId: 'other-fact', reason: 'filed under the wrong round' } })
    t.equal(reassign.statusCode, 200)
    t.equal((await app.inject({ url: `/claims/${ids.claimAp}` })).json().claim.factId, 'other-fact')
    const retract = await app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/retractions`, headers: jsonWrite('editor'), payload: { reason: 'AP withdrew it' } })
    t.equal(retract.statusCode, 200)
    const again = await app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/retractions`, headers: jsonWrite('editor'), payload: { reason: 'AP withdrew it' } })
    t.equal(again.statusCode, 422, 'a claim is retracted once')
    const revise = await app.inject({ method: 'POST', url: `/sources/${ids.ap}/revisions`, headers: jsonWrite('editor'), payload: { revisedAt: '2024-11-29', note: 'updated headline', title: 'AP: updated' } })
    t.equal(revise.statusCode, 200)
    const retractSource = await app.inject({ method: 'POST', url: `/sources/${ids.ap}/retractions`, headers: jsonWrite('editor'), payload: { retractedAt: '2024-11-30', reason: 'retracted by AP' } })
    t.equal(retractSource.statusCode, 200)
    t.match((await app.inject({ url: `/sources/${ids.ap}` })).json(), { title: 'AP: updated', retracted: { reason: 'retracted by AP' } })
  })

  await t.test('an admin adopts a policy', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/policy', headers: jsonWrite('admin'), payload: { aboutTolerance: 0.1, note: 'wider tolerance for "about"' } })
    t.equal(res.statusCode, 200)
    t.equal(res.json().type, 'PolicyAdopted')
  })
})

t.test('idempotent retries', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const { app } = api
  const send = (key: string, payload: object) =>
    app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor', { 'idempotency-key': key }), payload })

  await t.test('the same key and body returns the first result and writes one event', async (t) => {
    const before = await api.head()
    const first = await send('retry-1', newSource)
    const second = await send('retry-1', newSource)
    t.equal(first.statusCode, 201)
    t.equal(second.statusCode, 201)
    t.same(second.json(), first.json())
    t.equal(second.headers.location, first.headers.location)
    t.equal(second.headers['idempotent-replayed'], 'true')
    t.equal(first.headers['idempotent-replayed'], undefined)
    t.equal(await api.head(), before + 1n, 'one event')
  })

  await t.test('the same key with another body is 422 and writes nothing', async (t) => {
    const before = await api.head()
    const res = await send('retry-1', { ...newSource, title: 'A different article' })
    t.equal(res.statusCode, 422)
    t.match(res.json(), { code: 'IdempotencyConflict', status: 422 })
    t.equal(await api.head(), before)
  })

  await t.test('a lifecycle retry with the same key is replayed, not applied twice', async (t) => {
    const dispute = () =>
      app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/disputes`, headers: jsonWrite('editor', { 'idempotency-key': 'dispute-1' }), payload: { reason: 'check' } })
    const before = await api.head()
    const first = await dispute()
    const second = await dispute()
    t.equal(first.statusCode, 200)
    t.same(second.json(), first.json())
    t.equal(await api.head(), before + 1n)
    t.equal((await app.inject({ url: `/claims/${ids.claimAp}` })).json().claim.disputes.length, 1)
  })
})

t.test('injection strings are stored verbatim and returned JSON-escaped', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const title = `<script>alert("x")</script> & '; DROP TABLE events; --`
  const res = await api.app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor'), payload: { ...newSource, title, publisher: "Robert'); DROP TABLE sources;--" } })
  t.equal(res.statusCode, 201)
  const read = await api.app.inject({ url: res.headers.location as string })
  t.match(read.headers['content-type'], /^application\/json/)
  t.equal(read.headers['x-content-type-options'], 'nosniff')
  t.notMatch(read.body, '<script>', 'no raw markup in the response')
  t.match(read.body, '\\u003cscript\\u003e')
  t.equal(read.json().title, title, 'the text round-trips exactly')
  t.equal(read.json().publisher, "Robert'); DROP TABLE sources;--")
  const events = []
  for await (const e of api.runtime.store.readAll()) events.push(e)
  t.equal((events[0]!.data as { title: string }).title, title, 'stored verbatim')
  const missing = await api.app.inject({ url: '/facts/%3Cscript%3E' })
  t.notMatch(missing.body, '<script>', 'echoed ids are escaped in problems too')
})
