import type { FastifyInstance, FastifyReply } from 'fastify'
import { problem, sendProblem } from '../problem.js'
import type { FailedAuthLimit } from './failed-auth-limit.js'
import { type Keyring, parseBearer, type Principal } from './keyring.js'

/**
 * What a route needs: `public` (health, docs), `read` (public unless
 * FACTLEDGER_PUBLIC_READS=false, then any valid key), `editor`, `admin`.
 */
export type Access = 'public' | 'read' | 'editor' | 'admin'

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

const rank = { reader: 1, editor: 2, admin: 3, system: 3 } as const
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * One onRequest hook, before the body is read: authenticate the key (a
 * presented key must be valid even on public routes), enforce the route's
 * access, and require a JSON body on writes. A refused request never reaches
 * the parser, so a stranger cannot make the server read a large body.
 */
export function registerAccessControl(app: FastifyInstance, options: { keyring: Keyring; publicReads: boolean; failedAuth: FailedAuthLimit }): void {
  const { keyring, publicReads, failedAuth } = options
  app.decorateRequest('principal', null)
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access
    if (access === undefined) return
    const bearer = parseBearer(request.headers.authorization)
    if (bearer.kind !== 'none') {
      const blocked = failedAuth.blockedFor(request.ip)
      if (blocked !== null) return tooManyFailures(reply, blocked)
    }
    if (bearer.kind === 'malformed') return refuseKey(reply, failedAuth, 'the Authorization header must be "Bearer <API key>"')
    if (bearer.kind === 'token') {
      request.principal = keyring.authenticate(bearer.token)
      if (!request.principal) return refuseKey(reply, failedAuth, 'the API key is not valid')
    }
    const principal = request.principal
    if (access === 'public' || (access === 'read' && publicReads)) return
    if (!principal) return unauthorized(reply, access === 'read' ? 'reads need an API key on this server' : 'writes need an API key with the editor role', 'missing')
    if (rank[principal.role] < rank[access === 'read' ? 'reader' : access]) {
      return sendProblem(reply, problem(403, 'Forbidden', `role "${principal.role}" may not do this; it needs ${access}`))
    }
    if (WRITE_METHODS.has(request.method) && !isJson(request.headers['content-type'])) {
      return sendProblem(reply, problem(415, 'UnsupportedMediaType', `send the body as application/json (got ${request.headers['content-type'] ? `"${request.headers['content-type']}"` : 'no Content-Type'})`))
    }
  })
}

async function refuseKey(reply: FastifyReply, failedAuth: FailedAuthLimit, detail: string) {
  const blocked = await failedAuth.recordFailure(reply.request.ip, reply.request.log)
  return blocked === null ? unauthorized(reply, detail) : tooManyFailures(reply, blocked)
}

function tooManyFailures(reply: FastifyReply, ms: number) {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  reply.header('retry-after', String(seconds))
  return sendProblem(reply, problem(429, 'RateLimited', `too many requests with a wrong API key from this address; retry in ${seconds} s`))
}

function unauthorized(reply: FastifyReply, detail: string, why: 'missing' | 'invalid' = 'invalid') {
  reply.header('www-authenticate', why === 'missing' ? 'Bearer realm="factledger"' : 'Bearer realm="factledger", error="invalid_token"')
  return sendProblem(reply, problem(401, 'Unauthorized', detail))
}

function isJson(contentType: string | undefined): boolean {
  const media = contentType?.split(';')[0]?.trim().toLowerCase()
  return media === 'application/json'
}
