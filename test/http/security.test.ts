import t from 'tap'
import { bearer, closeTestApi, createTestApi, jsonWrite, keys } from './harness.js'

const fact = { question: 'How many security headers are there?', subject: 'headers', unit: 'headers', kind: 'count' }

t.test('responses carry security headers and a request id', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const res = await api.app.inject({ url: '/facts' })
  t.match(res.headers, {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'strict-transport-security': /max-age=/,
    'content-security-policy': /default-src 'self'/,
    'referrer-policy': 'no-referrer',
    'x-request-id': /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/,
  })
  t.equal((await api.app.inject({ url: '/facts', headers: { 'x-request-id': 'gateway-42' } })).headers['x-request-id'], 'gateway-42', 'a safe incoming id is kept')
  const unsafe = await api.app.inject({ url: '/facts', headers: { 'x-request-id': '<img src=x>' } })
  t.not(unsafe.headers['x-request-id'], '<img src=x>', 'an unsafe one is replaced')
  t.match(unsafe.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  t.match((await api.app.inject({ url: '/nope' })).headers['x-request-id'], /^[0-9a-f-]{36}$/, 'errors have one too')
})

t.test('request logs carry the request id and never an API key', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const wrongKey = 'wrong-but-secret-key-1234567'
  const ok = await api.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor', { 'x-request-id': 'log-check-1' }), payload: fact })
  t.equal(ok.statusCode, 201)
  t.equal((await api.app.inject({ method: 'POST', url: '/facts', headers: { authorization: `Bearer ${wrongKey}`, 'content-type': 'application/json' }, payload: fact })).statusCode, 401)
  const lines = api.logs.map((l) => JSON.parse(l) as Record<string, unknown>)
  const ofRequest = lines.filter((l) => l.requestId === 'log-check-1')
  t.ok(ofRequest.some((l) => l.msg === 'incoming request'), 'incoming request logged')
  t.ok(ofRequest.some((l) => l.msg === 'command written'), 'the write logged with its request id')
  t.ok(ofRequest.some((l) => l.msg === 'request completed'), 'completion logged')
  const all = api.logs.join('\n')
  t.notMatch(all, keys.editor, 'the valid key is not logged')
  t.notMatch(all, wrongKey, 'nor a wrong one')
})

t.test('rate limit: per key (or IP), 429 as problem+json with Retry-After; health is exempt', async (t) => {
  const api = await createTestApi({}, { rateLimitPerMinute: 3 })
  t.teardown(() => closeTestApi(api))
  const statuses: number[] = []
  for (let i = 0; i < 4; i++) statuses.push((await api.app.inject({ url: '/facts', headers: bearer('reader') })).statusCode)
  t.same(statuses, [200, 200, 200, 429])
  const limited = await api.app.inject({ url: '/facts', headers: bearer('reader') })
  t.match(limited.headers['content-type'], /^application\/problem\+json/)
  t.match(limited.json(), { status: 429, code: 'RateLimited' })
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After')
  t.equal((await api.app.inject({ url: '/facts', headers: bearer('editor') })).statusCode, 200, 'another key has its own budget')
  t.equal((await api.app.inject({ url: '/facts' })).statusCode, 200, 'anonymous callers are counted by IP')
  for (let i = 0; i < 5; i++) t.equal((await api.app.inject({ url: '/health' })).statusCode, 200, 'health is never limited')
})

t.test('a handler failure is a generic 500 problem that names only the request id', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  api.runtime.readModel.getFact = async () => {
    throw new Error('database file is locked at /secret/path')
  }
  const res = await api.app.inject({ url: '/facts/some-fact/history' })
  t.equal(res.statusCode, 500)
  t.match(res.json(), { code: 'InternalError', detail: new RegExp(String(res.headers['x-request-id'])) })
  t.notMatch(res.body, '/secret/path', 'internals stay in the log')
  t.match(api.logs.join('\n'), '/secret/path', 'and are logged')
})

t.test('CORS: any origin may read and write with a key; the safe-write headers are allowed and exposed', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const read = await api.app.inject({ url: '/facts', headers: { origin: 'https://newsroom.example' } })
  t.equal(read.headers['access-control-allow-origin'], '*')
  t.match(read.headers['access-control-expose-headers'], /etag/)
  const preflight = await api.app.inject({
    method: 'OPTIONS',
    url: '/claims/some-id/corrections',
    headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, if-match, idempotency-key' },
  })
  t.equal(preflight.statusCode, 204)
  t.match(preflight.headers['access-control-allow-headers'], /if-match/)
  t.match(preflight.headers['access-control-allow-methods'], /POST/)
  t.equal(preflight.headers['access-control-allow-credentials'], undefined, 'no cookies, ever')
})
