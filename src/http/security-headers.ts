import { createRequire } from 'node:module'
import type { FastifyHelmetOptions } from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/**
 * The API's helmet configuration. Plain HTTP on a LAN address must still load
 * the docs' scripts, so no upgrade-insecure-requests; open data may be
 * embedded from any origin, so resources are cross-origin.
 */
export const apiHelmetOptions = {
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
} satisfies FastifyHelmetOptions

type HelmetMiddleware = (req: unknown, res: HeaderSink, next: (error?: unknown) => void) => void
interface HeaderSink {
  setHeader(name: string, value: string): void
  removeHeader(name: string): void
}

// The helmet that @fastify/helmet wraps, resolved from it, so both always agree on the version.
const requireHere = createRequire(import.meta.url)
const helmet = createRequire(requireHere.resolve('@fastify/helmet'))('helmet') as (options: FastifyHelmetOptions) => HelmetMiddleware

/**
 * The headers helmet's middleware sets for these options, computed once.
 * With neither CSP nonces nor function-valued directives (neither is
 * accepted here) helmet reads nothing from the request, so every response
 * gets the same headers, and @fastify/helmet rebuilding the middleware on
 * every request (~5% of a GET's CPU) bought nothing. Names are lower-cased,
 * as fastify keeps reply headers.
 */
export function helmetHeaders(options: FastifyHelmetOptions): Record<string, string> {
  if ('enableCSPNonces' in options || 'global' in options) throw new Error('helmetHeaders: per-request nonces and per-route helmet are not supported')
  const headers = new Map<string, string>()
  const sink: HeaderSink = {
    setHeader: (name, value) => void headers.set(name.toLowerCase(), String(value)),
    // X-Powered-By: fastify never sends it, so removing it leaves nothing to do per request.
    removeHeader: (name) => void headers.delete(name.toLowerCase()),
  }
  let finished = false
  helmet(options)(
    new Proxy({}, { get: () => { throw new Error('helmetHeaders: helmet read the request, so its headers are not the same for every response') } }),
    sink,
    (error) => {
      if (error) throw error
      finished = true
    },
  )
  if (!finished) throw new Error('helmetHeaders: helmet did not finish synchronously')
  return Object.fromEntries(headers)
}

/**
 * Every response carries the security headers, set at onRequest as
 * @fastify/helmet set them, so errors, 404s and 429s have them too; a route
 * may still override one (the web page's own content-security-policy).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions = apiHelmetOptions): void {
  const headers = Object.entries(helmetHeaders(options))
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.header(name, value)
    done()
  })
}
