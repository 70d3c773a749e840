import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet'
import Fastify, { type FastifyInstance } from 'fastify'
import t from 'tap'
import { apiHelmetOptions, helmetHeaders, registerSecurityHeaders } from '../../src/http/security-headers.js'
import { bearer, closeTestApi, createTestApi, ids, seed } from './harness.js'

/** Routes covering how a response can be made: a value, a 404, a thrown error, an overridden header, a hijacked stream. */
function addRoutes(app: FastifyInstance): void {
  app.get('/json', async () => ({ ok: true }))
  app.get('/fails', async () => {
    throw new Error('boom')
  })
  app.get('/page', async (_request, reply) => reply.header('content-security-policy', "default-src 'none'").header('referrer-policy', 'same-origin').send('<p>page</p>'))
  app.get('/stream', (_request, reply) => {
    // As the live feed does: the headers set so far, written by hand.
    const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter((h): h is [string, string | number | string[]] => h[1] !== undefined))
    reply.hijack()
    reply.raw.writeHead(200, { ...headers, 'content-type': 'text/event-stream' })
    reply.raw.end('data: 1\n\n')
  })
}

async function headersOf(app: FastifyInstance, url: string): Promise<Record<string, unknown>> {
  const { date: _date, ...headers } = (await app.inject({ url })).headers
  return headers
}

for (const [name, options] of [['the API options', apiHelmetOptions], ["helmet's defaults", {}]] as Array<[string, FastifyHelmetOptions]>) {
  t.test(`with ${name}, every kind of response has exactly the headers @fastify/helmet gave it`, async (t) => {
    const reference = Fastify()
    await reference.register(fastifyHelmet, options)
    addRoutes(reference)
    const computedOnce = Fastify()
    registerSecurityHeaders(computedOnce, options)
    addRoutes(computedOnce)
    t.teardown(() => Promise.all([reference.close(), computedOnce.close()]))
    for (const url of ['/json', '/missing', '/fails', '/page', '/stream']) {
      t.strictSame(await headersOf(computedOnce, url), await headersOf(reference, url), url)
    }
  })
}

t.test('the API options give the headers the API promises', async (t) => {
  const headers = helmetHeaders(apiHelmetOptions)
  t.notMatch(headers['content-security-policy'], /upgrade-insecure-requests/, 'plain HTTP on a LAN still loads the docs')
  t.match(headers['content-security-policy'], /default-src 'self'/)
  t.equal(headers['cross-origin-resource-policy'], 'cross-origin', 'open data may be embedded anywhere')
  t.equal(headers['x-content-type-options'], 'nosniff')
  t.equal(headers['x-powered-by'], undefined)
})

t.test('helmetHeaders refuses what would make headers differ per request', async (t) => {
  t.throws(() => helmetHeaders({ enableCSPNonces: true }), /nonces/)
  t.throws(() => helmetHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", (req) => String((req as { url: string }).url)] } } }), /read the request/)
})

t.test('every API response carries the security headers: a fact, a 404, a 401 and a 429', async (t) => {
  const api = await createTestApi({}, { rateLimitPerMinute: 2 })
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const expected = helmetHeaders(apiHelmetOptions)
  const responses = {
    fact: await api.app.inject({ url: `/facts/${ids.fact}`, headers: bearer('admin') }),
    missing: await api.app.inject({ url: '/facts/no-such-fact', headers: bearer('admin') }),
    unauthorized: await api.app.inject({ method: 'POST', url: '/facts', headers: { authorization: 'Bearer wrong-key-0000000000000' } }),
    limited: await api.app.inject({ url: `/facts/${ids.fact}`, headers: bearer('admin') }),
  }
  t.strictSame(
    Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, r.statusCode])),
    { fact: 200, missing: 404, unauthorized: 401, limited: 429 },
  )
  for (const [which, response] of Object.entries(responses)) {
    t.match(response.headers, expected, which)
  }
})
