import type { LedgerError } from '../ledger/errors.js'
import { problem } from './problem.js'
import type { Problem } from './schemas/problem.js'

/**
 * A refused command as a problem. `pathField` is the input field that the
 * route took from its URL (e.g. "claimId" on /claims/:id/...): an unknown
 * entity there is 404; one named in the body is 422 with the field's path.
 */
export function ledgerProblem(error: LedgerError, pathField?: string): Problem {
  switch (error.code) {
    case 'ValidationFailed':
      return problem(400, error.code, error.message, { errors: error.issues.map((i) => ({ ...i, location: 'body' as const })) })
    case 'NotFound':
      return error.field === pathField
        ? problem(404, error.code, error.message)
        : problem(422, 'InvariantViolated', error.message, { errors: [{ path: error.field, location: 'body', message: error.message }] })
    case 'AlreadyExists':
      return problem(409, error.code, error.message, { errors: [{ path: error.field, location: 'body', message: error.message }] })
    case 'InvariantViolated':
      return problem(422, error.code, error.message, { errors: [{ path: error.field, location: error.field === pathField ? 'params' : 'body', message: error.message }] })
    case 'WrongExpectedRevision':
      return problem(409, error.code, error.message, { currentRevision: error.actual === 'no_stream' ? null : error.actual.toString() })
    case 'IdempotencyConflict':
      return problem(422, error.code, `${error.message}; use a new key for a new request`)
    case 'Forbidden':
      return problem(403, error.code, error.message)
  }
}
