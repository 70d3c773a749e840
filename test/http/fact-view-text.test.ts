import { join } from 'node:path'
import t from 'tap'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { buildApp } from '../../src/http/app.js'
import { factView } from '../read-model/documents.js'
import { closeTestApi, createTestApi, ids, jsonWrite, seed, testSigner } from './harness.js'

/** Everything but what differs per request. */
function comparable(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  const { date: _date, 'x-ratelimit-reset': _reset, 'x-ratelimit-remaining': _left, ...headers } = res.headers
  return { status: res.statusCode, headers, body: res.body }
}

t.test('GET /facts/:id from the stored text, remembered or not, answers exactly what the parsed view answered', async (t) => {
  const backend = await openSqliteBackend({ path: join(t.testdir(), 'ledger.db') })
  // Without the response cache, so that each request below reads the way it is set up to.
  const api = await createTestApi({ FACTLEDGER_VIEW_CACHE_MB: '0' }, {}, backend)
  t.teardown(() => closeTestApi(api))
  // The same runtime with the cache on: its answers, read or remembered, must be the same bytes.
  const cached = await buildApp({ ...api.runtime, config: { ...api.runtime.config, FACTLEDGER_VIEW_CACHE_MB: 16 } }, { signer: testSigner })
  t.teardown(() => cached.close())
  await seed(api.runtime)
  const { app } = api
  const marked = 'markup-fact'
  // Text that the HTML-safe serializer escapes (<, >, &, U+2028), and text that it does not (non-ASCII).
  const question = 'How many <script>alert(1)</script> & «sanctions» \u2028 were there — in total?'
  t.equal((await app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { factId: marked, question, subject: 'x', unit: 'persons', kind: 'count' } })).statusCode, 201)
  const { runtime } = api
  const { readModel } = runtime
  const { readFactViewAndHead } = runtime
  const { getFactViewText } = readModel
  t.ok(readFactViewAndHead, 'the SQLite backend reads view and head in one statement')
  t.ok(getFactViewText, 'the SQLite read model hands over the text')

  for (const url of [`/facts/${ids.fact}`, `/facts/${marked}`, '/facts/no-such-fact']) {
    for (const method of ['GET', 'HEAD'] as const) {
      const request = { method, url, headers: { 'x-request-id': 'same-request' } }
      const viaOneStatement = await app.inject(request)
      runtime.readFactViewAndHead = undefined
      const viaTextAndHead = await app.inject(request)
      readModel.getFactViewText = undefined
      const viaParsedView = await app.inject(request)
      runtime.readFactViewAndHead = readFactViewAndHead
      readModel.getFactViewText = getFactViewText
      t.strictSame(comparable(viaOneStatement), comparable(viaParsedView), `${method} ${url}: one statement`)
      t.strictSame(comparable(viaTextAndHead), comparable(viaParsedView), `${method} ${url}: view text and stream head apart`)
      t.strictSame(comparable(await cached.inject(request)), comparable(viaParsedView), `${method} ${url}: cache on, first read`)
      t.strictSame(comparable(await cached.inject(request)), comparable(viaParsedView), `${method} ${url}: cache on, remembered`)
    }
  }
  const res = await app.inject({ url: `/facts/${marked}` })
  t.notMatch(res.body, /<script>|\u2028/, 'still HTML-safe')
  t.equal(res.json().question, question, 'and the same text once parsed')
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(res.headers.etag, '"0"', 'the ETag is the fact stream revision')

  const pin = await app.inject({
    method: 'POST',
    url: `/facts/${ids.fact}/pins`,
    headers: jsonWrite('editor', { 'if-match': (await app.inject({ url: `/facts/${ids.fact}` })).headers.etag as string }),
    payload: { claimId: ids.claimReuters, reason: 'the Treasury release itself' },
  })
  t.equal(pin.statusCode, 200, 'the ETag read this way is what If-Match expects')
  const after = await app.inject({ url: `/facts/${ids.fact}` })
  t.equal(after.headers.etag, pin.headers.etag, 'and it moves with the stream')
  t.equal(after.json().status, 'pinned', 'the body follows the new view, not a remembered one')
  const afterCached = await cached.inject({ url: `/facts/${ids.fact}`, headers: { 'x-request-id': 'same-request' } })
  t.equal(afterCached.json().status, 'pinned', 'the cache saw the write too')
  t.strictSame(comparable(afterCached), comparable(await app.inject({ url: `/facts/${ids.fact}`, headers: { 'x-request-id': 'same-request' } })))
})

t.test('a stored view that is not a FactView is a 500, not a body', async (t) => {
  const backend = await openSqliteBackend({ path: join(t.testdir(), 'ledger.db') })
  const api = await createTestApi({}, {}, backend)
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const notAFactView = JSON.stringify({ ...factView(ids.fact, 3), status: 42 })
  api.runtime.readFactViewAndHead = async () => ({ viewText: notAFactView, streamHead: 3n })
  const res = await api.app.inject({ url: `/facts/${ids.fact}` })
  t.equal(res.statusCode, 500)
  t.match(res.json(), { code: 'InternalError' })
  t.notMatch(res.body, /"status":42/)
})
