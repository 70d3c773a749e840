import { request as httpRequest } from 'node:http'
import t from 'tap'
import { MAX_ID_LENGTH } from '../../../events/ids.js'
import { closeTestApi, createTestApi, ids, jsonWrite, seed } from '../harness.js'

/** Raw HTTP to a listening app: some errors (431, a bad URL) happen before fastify's inject() path. */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const fact = { question: 'How many officials were sanctioned?', subject: 'US sanctions', unit: 'persons', kind: 'count' }

t.test('a fact slug of the longest accepted length can be defined and read back', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const slug = `${'a'.repeat(MAX_ID_LENGTH - 6)}-round`
  t.equal(slug.length, MAX_ID_LENGTH)
  const created = await api.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { ...fact, factId: slug } })
  t.equal(created.statusCode, 201)
  for (const path of [`/facts/${slug}`, `/facts/${slug}/history`]) {
    const read = await api.app.inject({ method: 'GET', url: path })
    t.equal(read.statusCode, 200, path)
  }
})

t.test('a slug one character over the limit is refused at definition, naming the field', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const res = await api.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { ...fact, factId: 'a'.repeat(MAX_ID_LENGTH + 1) } })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { code: 'ValidationFailed', errors: [{ path: 'factId' }] })
})

t.test('framework errors are problem+json: an over-long id (414), a malformed %-escape (400), oversized headers (431)', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await api.app.listen({ host: '127.0.0.1', port: 0 })
  const port = (api.app.server.address() as { port: number }).port
  const long = await rawGet(port, `/facts/${'a'.repeat(MAX_ID_LENGTH + 1)}`)
  t.equal(long.status, 414)
  t.match(long.type, /^application\/problem\+json/)
  t.match(JSON.parse(long.body), { status: 414, code: 'UriTooLong', detail: new RegExp(`${MAX_ID_LENGTH} characters`) })
  const badEscape = await rawGet(port, '/facts/%E0%A4%A')
  t.equal(badEscape.status, 400)
  t.match(badEscape.type, /^application\/problem\+json/)
  t.match(JSON.parse(badEscape.body), { status: 400, code: 'ValidationFailed', errors: [{ location: 'params' }] })
  const bigHeader = await rawGet(port, '/facts', { 'x-filler': 'x'.repeat(20_000) })
  t.equal(bigHeader.status, 431)
  t.match(bigHeader.type, /^application\/problem\+json/)
  t.match(JSON.parse(bigHeader.body), { status: 431, code: 'HeadersTooLarge' })
})

t.test('a __proto__ key is refused by name, not as "not valid JSON"', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const head = await api.head()
  const res = await api.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: `{"__proto__": {"admin": true}, "question": "q"}` })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { code: 'ForbiddenKey', detail: /"__proto__"/ })
  t.equal(await api.head(), head)
})

t.test('every GET route in the API document refuses an unknown query parameter', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> }
  const sample: Record<string, string> = { id: ids.fact, position: '1', version: '0' }
  const gets = Object.entries(doc.paths).filter(([, ops]) => 'get' in ops).map(([path]) => path.replace(/\{(\w+)\}/g, (_m, name: string) => sample[name] ?? 'x'))
  t.ok(gets.length >= 15, `found ${gets.length} GET routes`)
  const accepted = []
  for (const path of gets) {
    const res = await api.app.inject({ method: 'GET', url: `${path}?bogusParam=1` })
    if (res.statusCode !== 400 || !/bogusParam/.test(res.body)) accepted.push(`${path} → ${res.statusCode}`)
  }
  t.same(accepted, [], 'routes that did not refuse ?bogusParam=1 by name')
})
