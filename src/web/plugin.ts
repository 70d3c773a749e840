import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join, relative, sep } from 'node:path'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { fromPackageRoot } from '../package-root.js'

/**
 * The fact-checkers' web page: `/` serves the single HTML page, `/ui/…` its
 * scripts and styles, and `/ui/vendor/chart.umd.min.js` the charting library
 * straight from node_modules, so nothing needs the internet or a bundler.
 *
 * Only files found under `public/` at registration are served (a fixed map,
 * so no request path can reach outside it). Files are read on each request so
 * an edited page shows on reload; they are small.
 */
// From the package root: the compiled plugin runs from dist/, the page stays in src/web/public.
const publicDir = fromPackageRoot('src', 'web', 'public')

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
}

/**
 * The page runs only its own scripts; data reaches it through fetch and
 * EventSource on the same origin. Set here (not left to a global helmet
 * default) because helmet's default adds upgrade-insecure-requests, which
 * would break the page on a plain-http newsroom intranet.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

function chartJsFile(): string {
  // The package's exports map hides dist/, so find it beside the CommonJS entry.
  const entry = createRequire(import.meta.url).resolve('chart.js')
  return join(dirname(entry), 'chart.umd.min.js')
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = join(dir, d.name)
    return d.isDirectory() ? listFiles(full) : [full]
  })
}

/** URL path (below /ui/) -> absolute file path. */
function assetMap(): Map<string, string> {
  const map = new Map<string, string>()
  for (const file of listFiles(publicDir)) {
    if (!(extname(file) in contentTypes)) continue
    map.set(relative(publicDir, file).split(sep).join('/'), file)
  }
  map.set('vendor/chart.umd.min.js', chartJsFile())
  return map
}

function send(request: FastifyRequest, reply: FastifyReply, file: string) {
  const body = readFileSync(file)
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
  reply
    .header('content-type', contentTypes[extname(file)] ?? 'application/octet-stream')
    .header('cache-control', 'no-cache')
    .header('etag', etag)
    .header('x-content-type-options', 'nosniff')
  if (request.headers['if-none-match'] === etag) return reply.code(304).send()
  return reply.send(body)
}

export const webPlugin: FastifyPluginAsync = async (app) => {
  const assets = assetMap()
  for (const file of assets.values()) statSync(file) // fail at start-up, not on first request, if a file is missing

  const page = (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('content-security-policy', contentSecurityPolicy).header('referrer-policy', 'same-origin')
    return send(request, reply, join(publicDir, 'index.html'))
  }
  app.get('/', { schema: { hide: true } }, page)
  app.get('/ui', { schema: { hide: true } }, (_request, reply) => reply.redirect('/', 301))
  app.get('/ui/', { schema: { hide: true } }, page)

  app.get<{ Params: { '*': string } }>('/ui/*', { schema: { hide: true } }, (request, reply) => {
    const file = assets.get(request.params['*'])
    // The app's own not-found handler answers, so a missing asset looks like any other 404.
    if (!file) return reply.callNotFound()
    return send(request, reply, file)
  })
}
