import t from 'tap'
import { closeTestApi, createTestApi } from './harness.js'

/** Every route of the API contract, as OpenAPI paths. */
const contract = [
  'GET /facts',
  'GET /facts/{id}',
  'GET /facts/{id}/history',
  'GET /facts/{id}/claims',
  'GET /facts/{id}/timeline',
  'GET /facts/{id}/claimreview',
  'GET /facts/{id}/prov',
  'GET /facts/{id}/receipt',
  'GET /facts/{id}/claims.csv',
  'GET /claims/{id}',
  'GET /sources',
  'GET /sources/{id}',
  'GET /sources/{id}/snapshots/{version}',
  'GET /sources/{id}/snapshots',
  'GET /sources/{id}/claims',
  'GET /audit',
  'GET /corrections',
  'GET /events',
  'GET /events/live',
  'GET /ledger/key',
  'GET /ledger/key.pem',
  'GET /ledger/head',
  'GET /ledger/heads',
  'GET /ledger/integrity',
  'GET /ledger/proof/{position}',
  'GET /ledger/consistency',
  'GET /ledger/verify',
  'GET /health',
  'GET /ready',
  'POST /sources',
  'POST /sources/{id}/revisions',
  'POST /sources/{id}/retractions',
  'POST /sources/{id}/extract',
  'POST /facts',
  'POST /facts/{id}/pins',
  'DELETE /facts/{id}/pins',
  'POST /claims',
  'POST /claims/{id}/corrections',
  'POST /claims/{id}/retractions',
  'POST /claims/{id}/dispute-resolutions',
  'POST /claims/{id}/disputes',
  'POST /claims/{id}/reassignments',
  'POST /policy',
]

interface Operation {
  security?: unknown[]
  requestBody?: { content: Record<string, { schema: { additionalProperties?: unknown; $ref?: string } }> }
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>
}

t.test('the OpenAPI document lists every route of the contract, and nothing else', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const res = await api.app.inject({ url: '/openapi.json' })
  t.equal(res.statusCode, 200)
  const doc = res.json() as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } }
  t.equal(doc.openapi, '3.1.0')
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== 'head').map((m) => `${m.toUpperCase()} ${path}`))
  t.same(documented.sort(), [...contract].sort())
  for (const route of contract) {
    const [method, path] = route.split(' ') as [string, string]
    t.ok(api.app.hasRoute({ method, url: path.replace(/\{(\w+)\}/g, ':$1') }), `${route} is served`)
  }

  const writes = contract.filter((r) => !r.startsWith('GET'))
  for (const route of writes) {
    const [method, path] = route.split(' ') as [string, string]
    const op = doc.paths[path]![method.toLowerCase()]!
    t.same(op.security, [{ bearerAuth: [] }], `${route} declares the API key`)
    t.ok(op.requestBody?.content['application/json'], `${route} documents its body`)
  }
  const defineFact = doc.paths['/facts']!.post!.requestBody!.content['application/json']!.schema
  t.equal(defineFact.additionalProperties, false, 'bodies reject unknown fields')
  const getFact = doc.paths['/facts/{id}']!.get!
  t.match(getFact.responses['200']!, { content: { 'application/json': { schema: { $ref: '#/components/schemas/FactView' } } } })
  t.match(getFact.responses['4XX'] ?? getFact.responses['4xx'], { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } })
  t.ok(doc.components.schemas.FactView && doc.components.schemas.Problem, 'shared shapes are components')
})

t.test('interactive docs are served from local files only (they work offline)', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const page = await api.app.inject({ url: '/docs' })
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /text\/html/)
  const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
  t.ok(refs.length >= 4, 'the page loads its scripts and styles')
  for (const ref of refs) {
    t.notMatch(ref, /^(https?:)?\/\//, `${ref} is local`)
    const asset = await api.app.inject({ url: ref })
    t.equal(asset.statusCode, 200, `${ref} is served`)
  }
  const init = await api.app.inject({ url: '/docs/static/swagger-initializer.js' })
  t.equal(init.statusCode, 200)
  t.equal((await api.app.inject({ url: '/docs/json' })).statusCode, 200, 'the spec the UI loads')
  t.notMatch(page.headers['content-security-policy'], /upgrade-insecure-requests/, 'plain HTTP on a LAN address still loads it')
})
