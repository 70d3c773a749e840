import type { InjectOptions } from 'fastify'
import t, { type Test } from 'tap'
import { bearer, closeTestApi, createTestApi, ids, jsonWrite, seed } from './harness.js'

/**
 * Every way a client can get a request wrong, with the status it must get
 * and proof that nothing reached the ledger (the head position is unchanged).
 */
const validFact = {
  question: 'How many family members had their visas restricted?',
  subject: 'US visa restrictions, family members',
  unit: 'persons',
  kind: 'count',
}
const claimUrl = `/claims/${ids.claimAp}`

interface Case {
  name: string
  request: InjectOptions
  status: number
  code: string
  /** Expected field errors as "location:path". */
  errors?: string[]
  check?: (t: Test, body: Record<string, unknown>, headers: Record<string, unknown>) => void
}

const cases: Case[] = [
  {
    name: 'a write without an API key is 401 with a Bearer challenge',
    request: { method: 'POST', url: '/facts', headers: { 'content-type': 'application/json' }, payload: validFact },
    status: 401,
    code: 'Unauthorized',
    check: (t, _b, headers) => t.equal(headers['www-authenticate'], 'Bearer realm="factledger"'),
  },
  {
    name: 'a write with an unknown API key is 401 invalid_token',
    request: { method: 'POST', url: '/facts', headers: { authorization: 'Bearer not-a-key-of-this-server', 'content-type': 'application/json' }, payload: validFact },
    status: 401,
    code: 'Unauthorized',
    check: (t, _b, headers) => t.match(headers['www-authenticate'], /error="invalid_token"/),
  },
  {
    name: 'an Authorization header that is not Bearer is 401',
    request: { method: 'POST', url: '/facts', headers: { authorization: 'Basic dXNlcjpwYXNz', 'content-type': 'application/json' }, payload: validFact },
    status: 401,
    code: 'Unauthorized',
  },
  {
    name: 'an unknown key is refused even on a public read',
    request: { method: 'GET', url: '/facts', headers: { authorization: 'Bearer not-a-key-of-this-server' } },
    status: 401,
    code: 'Unauthorized',
  },
  {
    name: 'a reader writing is 403',
    request: { method: 'POST', url: '/facts', headers: jsonWrite('reader'), payload: validFact },
    status: 403,
    code: 'Forbidden',
  },
  {
    name: 'an editor adopting a policy is 403',
    request: { method: 'POST', url: '/policy', headers: jsonWrite('editor'), payload: { aboutTolerance: 0.1, note: 'wider' } },
    status: 403,
    code: 'Forbidden',
  },
  {
    name: 'malformed JSON is 400',
    request: { method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: '{"question": "How many' },
    status: 400,
    code: 'MalformedJson',
  },
  {
    name: 'an empty JSON body is 400',
    request: { method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: '' },
    status: 400,
    code: 'ValidationFailed',
  },
  {
    name: 'a __proto__ key in the body is refused',
    request: { method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: `{"__proto__": {"admin": true}, "question": "${validFact.question}"}` },
    status: 400,
    code: 'ForbiddenKey',
  },
  {
    name: 'a text/plain body is 415',
    request: { method: 'POST', url: '/facts', headers: { ...bearer('editor'), 'content-type': 'text/plain' }, payload: JSON.stringify(validFact) },
    status: 415,
    code: 'UnsupportedMediaType',
  },
  {
    name: 'a form-encoded body is 415',
    request: { method: 'POST', url: '/facts', headers: { ...bearer('editor'), 'content-type': 'application/x-www-form-urlencoded' }, payload: 'question=x' },
    status: 415,
    code: 'UnsupportedMediaType',
  },
  {
    name: 'a write without a Content-Type is 415',
    request: { method: 'POST', url: `${claimUrl}/disputes`, headers: bearer('editor') },
    status: 415,
    code: 'UnsupportedMediaType',
  },
  {
    name: 'a body over 1 MiB is 413',
    request: { method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { ...validFact, subject: 'x'.repeat(1024 * 1024 + 1) } },
    status: 413,
    code: 'PayloadTooLarge',
  },
  {
    name: 'unknown fields are rejected, each at its own path',
    request: { method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { ...validFact, colour: 'red', role: 'admin' } },
    status: 400,
    code: 'ValidationFailed',
    errors: ['body:colour', 'body:role'],
  },
  {
    name: 'an unknown nested field is rejected at its nested path',
    request: {
      method: 'POST',
      url: '/claims',
      headers: jsonWrite('editor'),
      payload: { factId: ids.fact, sourceId: ids.ap, citation: { quote: 'q', verified: true }, attributedTo: 'x', value: '21', modality: 'official', validAt: '2024-11-27' },
    },
    status: 400,
    code: 'ValidationFailed',
    errors: ['body:citation.verified'],
  },
  {
    name: 'a bad field value names the field',
    request: { method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { ...validFact, kind: 'colour', question: 'Why' } },
    status: 400,
    code: 'ValidationFailed',
    errors: ['body:question', 'body:kind'],
  },
  {
    name: 'a claim about an unknown fact is 422 naming factId',
    request: {
      method: 'POST',
      url: '/claims',
      headers: jsonWrite('editor'),
      payload: { factId: 'no-such-fact', sourceId: ids.ap, citation: { quote: 'q' }, attributedTo: 'x', value: '21', modality: 'official', validAt: '2024-11-27' },
    },
    status: 422,
    code: 'InvariantViolated',
    errors: ['body:factId'],
  },
  {
    name: 'defining a fact id that exists is 409',
    request: { method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { ...validFact, factId: ids.fact } },
    status: 409,
    code: 'AlreadyExists',
  },
  {
    name: 'a stale If-Match is 409 with the current revision',
    request: { method: 'POST', url: `${claimUrl}/disputes`, headers: jsonWrite('editor', { 'if-match': '"7"' }), payload: { reason: 'figure looks off' } },
    status: 409,
    code: 'WrongExpectedRevision',
    check: (t, body) => t.equal(body.currentRevision, '0'),
  },
  {
    name: 'a malformed If-Match is 412',
    request: { method: 'POST', url: `${claimUrl}/disputes`, headers: jsonWrite('editor', { 'if-match': 'seven' }), payload: { reason: 'figure looks off' } },
    status: 412,
    code: 'PreconditionFailed',
    errors: ['headers:if-match'],
  },
  {
    name: 'a weak If-Match is 412',
    request: { method: 'POST', url: `${claimUrl}/disputes`, headers: jsonWrite('editor', { 'if-match': 'W/"0"' }), payload: { reason: 'figure looks off' } },
    status: 412,
    code: 'PreconditionFailed',
  },
  {
    name: 'an Idempotency-Key with spaces is 400',
    request: { method: 'POST', url: `${claimUrl}/disputes`, headers: jsonWrite('editor', { 'idempotency-key': 'two words' }), payload: { reason: 'figure looks off' } },
    status: 400,
    code: 'ValidationFailed',
    errors: ['headers:idempotency-key'],
  },
  {
    name: 'a lifecycle write on an unknown claim is 404',
    request: { method: 'POST', url: '/claims/01920000-0000-7000-8000-0000000000ff/retractions', headers: jsonWrite('editor'), payload: { reason: 'withdrawn' } },
    status: 404,
    code: 'NotFound',
  },
  {
    name: 'pinning on an unknown fact is 404',
    request: { method: 'POST', url: '/facts/no-such-fact/pins', headers: jsonWrite('editor'), payload: { claimId: ids.claimAp, reason: 'best' } },
    status: 404,
    code: 'NotFound',
  },
  { name: 'limit above 200 is 400 naming limit', request: { url: '/facts?limit=1000000' }, status: 400, code: 'ValidationFailed', errors: ['query:limit'] },
  { name: 'limit 0 is 400', request: { url: '/sources?limit=0' }, status: 400, code: 'ValidationFailed', errors: ['query:limit'] },
  { name: 'a non-numeric limit is 400', request: { url: '/events?limit=lots' }, status: 400, code: 'ValidationFailed', errors: ['query:limit'] },
  { name: 'a negative asOf is 400 naming asOf', request: { url: '/facts?asOf=-1' }, status: 400, code: 'ValidationFailed', errors: ['query:asOf'] },
  { name: 'a garbage asOf is 400', request: { url: `/facts/${ids.fact}?asOf=yesterday` }, status: 400, code: 'ValidationFailed', errors: ['query:asOf'] },
  { name: 'a garbage knownAt is 400', request: { url: '/facts?knownAt=2024-13-45' }, status: 400, code: 'ValidationFailed', errors: ['query:knownAt'] },
  { name: 'an unknown status is 400', request: { url: '/facts?status=true' }, status: 400, code: 'ValidationFailed', errors: ['query:status'] },
  { name: 'an unknown query parameter is 400 (a misspelt clock must not be ignored)', request: { url: '/facts?as_of=3' }, status: 400, code: 'ValidationFailed', errors: ['query:as_of'] },
  { name: 'a cursor this API did not issue is 400', request: { url: '/facts?cursor=abc' }, status: 400, code: 'ValidationFailed', errors: ['query:cursor'] },
  { name: 'a negative event position is 400', request: { url: '/events?from=-5' }, status: 400, code: 'ValidationFailed', errors: ['query:from'] },
  { name: 'an unknown fact is 404', request: { url: '/facts/no-such-fact' }, status: 404, code: 'NotFound' },
  { name: "an unknown fact's history is 404", request: { url: '/facts/no-such-fact/history' }, status: 404, code: 'NotFound' },
  { name: "an unknown fact's ClaimReview is 404", request: { url: '/facts/no-such-fact/claimreview' }, status: 404, code: 'NotFound' },
  { name: "an unknown fact's PROV is 404", request: { url: '/facts/no-such-fact/prov' }, status: 404, code: 'NotFound' },
  { name: 'an unknown claim is 404', request: { url: '/claims/01920000-0000-7000-8000-0000000000ff' }, status: 404, code: 'NotFound' },
  { name: 'an unknown source is 404', request: { url: '/sources/%3Cscript%3E' }, status: 404, code: 'NotFound' },
  { name: 'a proof for a position past the head is 404', request: { url: '/ledger/proof/999' }, status: 404, code: 'NotFound' },
  { name: 'an unknown route is 404', request: { url: '/nope' }, status: 404, code: 'NotFound' },
]

t.test('bad requests', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)

  for (const c of cases) {
    await t.test(c.name, async (t) => {
      const before = await api.head()
      const res = await api.app.inject(c.request)
      t.equal(res.statusCode, c.status, 'status')
      t.match(res.headers['content-type'], /^application\/problem\+json/, 'problem+json')
      const body = res.json() as Record<string, unknown>
      t.equal(body.status, c.status, 'problem status')
      t.equal(body.code, c.code, 'problem code')
      t.match(body, { type: String, title: String, detail: String, requestId: res.headers['x-request-id'] })
      if (c.errors) {
        const errors = (body.errors as { location: string; path: string }[]).map((e) => `${e.location}:${e.path}`)
        t.same(errors.sort(), [...c.errors].sort(), 'field errors')
      }
      c.check?.(t, body, res.headers)
      t.equal(await api.head(), before, 'nothing written')
    })
  }
})
