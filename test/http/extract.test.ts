import t from 'tap'
import { closeTestApi, createTestApi, ids, jsonWrite, seed } from './harness.js'

const article = 'The Treasury Department sanctioned 21 officials on Wednesday, the State Department said.'

t.test('POST /sources/:id/extract', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const { app } = api
  const extract = (sourceId: string, payload: object, role: 'editor' | 'reader' = 'editor') =>
    app.inject({ method: 'POST', url: `/sources/${sourceId}/extract`, headers: jsonWrite(role), payload })

  await t.test('drafts claims from sent text, dated and attributed, and writes nothing', async (t) => {
    const before = await api.head()
    const res = await extract(ids.reuters, { text: article })
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.match(body, { sourceId: ids.reuters, textSource: 'body', skipped: Array })
    t.equal(body.drafts.length, 1)
    t.match(body.drafts[0], { figure: '21', value: { text: '21', hedge: 'exact' }, quote: String, confidence: Number })
    t.equal(article.slice(body.drafts[0].start, body.drafts[0].end), body.drafts[0].quote, 'offsets point into the text')
    t.equal(await api.head(), before)
  })

  await t.test("uses the source's snapshot when no text is sent", async (t) => {
    const created = await app.inject({
      method: 'POST',
      url: '/sources',
      headers: jsonWrite('editor'),
      payload: { publisher: 'Wire', title: 'Sanctions', publishedAt: '2024-11-27', origin: 'wire', tier: 2, snapshotText: article },
    })
    t.equal(created.statusCode, 201)
    const res = await extract(created.json().id, {})
    t.equal(res.statusCode, 200)
    t.equal(res.json().textSource, 'snapshot')
    t.equal(res.json().drafts[0].figure, '21')
  })

  await t.test('a source without a snapshot needs text: 422', async (t) => {
    const res = await extract(ids.ap, {})
    t.equal(res.statusCode, 422)
    t.match(res.json(), { errors: [{ path: 'text', location: 'body' }] })
  })

  await t.test('text of only spaces is refused with the extractor reason', async (t) => {
    const res = await extract(ids.ap, { text: '   \n ' })
    t.equal(res.statusCode, 422)
    t.match(res.json().detail, /empty/)
  })

  await t.test('an unknown source is 404, a reader is 403, an unknown field is 400', async (t) => {
    t.equal((await extract('01920000-0000-7000-8000-0000000000ff', { text: article })).statusCode, 404)
    t.equal((await extract(ids.ap, { text: article }, 'reader')).statusCode, 403)
    t.equal((await extract(ids.ap, { text: article, publisher: 'x' })).statusCode, 400)
  })
})
