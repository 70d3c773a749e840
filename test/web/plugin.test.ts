import Fastify from 'fastify'
import t from 'tap'
import { webPlugin } from '../../src/web/plugin.js'

/** The web plugin alone: what it serves, with which headers, and what it refuses. */
async function app() {
  const server = Fastify({ logger: false })
  await server.register(webPlugin)
  t.teardown(() => server.close())
  return server
}

t.test('/ serves the page with a strict content security policy', async (t) => {
  const res = await (await app()).inject('/')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/html; charset=utf-8')
  t.match(res.body, /^<!doctype html>\n<html lang="en">/)
  const csp = String(res.headers['content-security-policy'])
  t.match(csp, /default-src 'self'/)
  t.match(csp, /script-src 'self'(;|$)/, 'no inline or remote scripts')
  t.notMatch(csp, /upgrade-insecure-requests/, 'works over plain http on an intranet')
  t.equal(res.headers['x-content-type-options'], 'nosniff')
})

t.test('/ui/ assets are served with their types; Chart.js comes from node_modules', async (t) => {
  const server = await app()
  const cases: [string, string, RegExp][] = [
    ['/ui/js/app.js', 'text/javascript; charset=utf-8', /^\/\*\*/],
    ['/ui/styles.css', 'text/css; charset=utf-8', /^\/\*/],
    ['/ui/favicon.svg', 'image/svg+xml', /^<svg/],
    ['/ui/vendor/chart.umd.min.js', 'text/javascript; charset=utf-8', /^\/\*!\n \* Chart\.js v4\./],
  ]
  for (const [url, type, start] of cases) {
    const res = await server.inject(url)
    t.equal(res.statusCode, 200, url)
    t.equal(res.headers['content-type'], type, url)
    t.match(res.body, start, url)
  }
})

t.test('an unchanged asset answers 304 to its ETag', async (t) => {
  const server = await app()
  const first = await server.inject('/ui/styles.css')
  t.match(first.headers.etag, /^"[A-Za-z0-9_-]{27}"$/)
  const again = await server.inject({ url: '/ui/styles.css', headers: { 'if-none-match': String(first.headers.etag) } })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
})

t.test('paths outside the page, unknown files and traversal attempts are 404', async (t) => {
  const server = await app()
  for (const url of ['/ui/nope.js', '/ui/../plugin.ts', '/ui/%2e%2e/plugin.ts', '/ui/..%2fplugin.ts', '/ui/js/../../plugin.ts', '/ui/vendor/chart.js', '/ui/public/index.html']) {
    const res = await server.inject(url)
    t.equal(res.statusCode, 404, url)
    t.notMatch(res.body, /webPlugin/, `${url} does not leak source`)
  }
})

t.test('a missing asset gets the app’s own not-found answer', async (t) => {
  const server = Fastify({ logger: false })
  server.setNotFoundHandler((_request, reply) => reply.code(404).type('application/problem+json').send({ status: 404, code: 'NotFound' }))
  await server.register(webPlugin)
  t.teardown(() => server.close())
  const res = await server.inject('/ui/nope.js')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.same(JSON.parse(res.body), { status: 404, code: 'NotFound' })
})

t.test('/ui redirects to the page', async (t) => {
  const res = await (await app()).inject('/ui')
  t.equal(res.statusCode, 301)
  t.equal(res.headers.location, '/')
})
