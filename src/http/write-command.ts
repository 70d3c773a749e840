import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CommandContext } from '../ledger/context.js'
import type { CommandResult } from '../ledger/result.js'
import { promiseInclusion } from '../ledger/tamper/signed-head.js'
import { formatEtag, parseIfMatch } from './etag.js'
import type { HttpDeps } from './deps.js'
import { ledgerProblem } from './ledger-problem.js'
import { problem, sendProblem } from './problem.js'

export interface WriteSpec {
  /** Run the ledger command with the context built from the request. */
  command: (ctx: CommandContext) => Promise<CommandResult>
  /** 201 with a Location for commands that create an entity; 200 otherwise. */
  location?: (entityId: string) => string
  /** The input field the route's URL supplies (unknown there: 404). */
  pathField?: string
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/

/**
 * The shared path of every write: If-Match and Idempotency-Key from the
 * headers, actor/role from the API key, the request id as correlation id;
 * then the command; then wait until the read model reflects the write, so
 * the client's next read sees it.
 */
export async function executeWrite(deps: HttpDeps, request: FastifyRequest, reply: FastifyReply, spec: WriteSpec): Promise<FastifyReply> {
  const integrity = deps.integrity.state()
  if (integrity.status === 'tampered') {
    return sendProblem(reply, problem(503, 'LedgerTampered', `the ledger failed verification (${integrity.detail}); nothing is written until it is restored`))
  }
  const ifMatch = parseIfMatch(request.headers['if-match'])
  if (ifMatch.kind === 'malformed') return sendProblem(reply, problem(412, 'PreconditionFailed', ifMatch.reason, { errors: [{ path: 'if-match', location: 'headers', message: ifMatch.reason }] }))
  const key = request.headers['idempotency-key']
  if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
    const message = 'Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID is a good choice)'
    return sendProblem(reply, problem(400, 'ValidationFailed', message, { errors: [{ path: 'idempotency-key', location: 'headers', message }] }))
  }
  const principal = request.principal!
  const ctx: CommandContext = {
    actor: principal.actor,
    role: principal.role,
    correlationId: String(request.id),
    ...(key ? { idempotencyKey: key } : {}),
    ...(ifMatch.kind === 'revision' ? { expectedRevision: ifMatch.revision } : {}),
  }
  const result = await spec.command(ctx)
  if (!result.ok) {
    request.log.info({ code: result.error.code }, 'command refused')
    return sendProblem(reply, ledgerProblem(result.error, spec.pathField))
  }
  request.log.info({ stream: result.stream, position: result.position.toString(), type: result.event.type, duplicate: result.duplicate }, 'command written')
  if (!result.duplicate) deps.heads.noteWrites(1)
  const projected = await deps.waitForProjection(result.position)
  if (!projected) {
    request.log.warn({ position: result.position.toString() }, 'read model did not reach the write in time; replying anyway')
    reply.header('factledger-projection', 'pending')
  }
  if (result.duplicate) reply.header('idempotent-replayed', 'true')
  reply.header('etag', formatEtag(result.revision))
  if (spec.location) reply.header('location', spec.location(result.entityId))
  return reply.code(spec.location ? 201 : 200).send({
    id: result.entityId,
    stream: result.stream,
    revision: result.revision.toString(),
    position: result.position.toString(),
    eventId: result.event.id,
    type: result.event.type,
    // Like a certificate's SCT: the key vouches for the event's place in the log before the next head covers it.
    // Dated by the event's own recordedAt, so a replayed retry returns the very same promise (Ed25519 is deterministic).
    inclusionPromise: promiseInclusion(deps.signer, result.event, new Date(result.event.metadata.recordedAt)),
  })
}
