import type { FastifyReply } from 'fastify'
import type { FieldError, Problem } from './schemas/problem.js'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

const titles: Record<string, string> = {
  ValidationFailed: 'The request is not valid',
  MalformedJson: 'The body is not valid JSON',
  Unauthorized: 'An API key is required',
  Forbidden: 'The API key may not do this',
  NotFound: 'Not found',
  AlreadyExists: 'It already exists',
  WrongExpectedRevision: 'The resource changed since you read it',
  PreconditionFailed: 'The If-Match header cannot be used',
  PayloadTooLarge: 'The body is too large',
  UnsupportedMediaType: 'The body must be application/json',
  IdempotencyConflict: 'The Idempotency-Key was used for another request',
  InvariantViolated: 'The ledger refused the change',
  RateLimited: 'Too many requests',
  MethodNotAllowed: 'Method not allowed',
  ServiceUnavailable: 'The service is shutting down or not ready',
  LedgerTampered: 'The ledger failed verification: writes are refused',
  InternalError: 'Internal server error',
}

export interface ProblemExtras {
  errors?: FieldError[]
  currentRevision?: string | null
}

/** A problem document; `type` is a stable URN per code, so clients can switch on either. */
export function problem(status: number, code: string, detail: string, extras: ProblemExtras = {}): Problem {
  const kebab = code.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()
  return { type: `urn:factledger:problem:${kebab}`, title: titles[code] ?? code, status, detail, code, ...extras }
}

/** Send a problem as application/problem+json, tagged with the request's path and id. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  const { request } = reply
  return reply
    .code(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...body, instance: request.url.split('?')[0], requestId: String(request.id) })
}
