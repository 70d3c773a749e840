import type { ExpectedRevision } from '../store/port.js'

/** One problem with a command's input: the field path (dot-separated) and what is wrong. */
export interface FieldIssue {
  path: string
  message: string
}

/**
 * Every expected way a command can fail. Nothing is written in any of them.
 * The HTTP layer maps codes to statuses (400, 404, 409, 412, 422).
 */
export type LedgerError =
  | { code: 'ValidationFailed'; message: string; issues: FieldIssue[] }
  | { code: 'NotFound'; message: string; field: string; entity: 'source' | 'fact' | 'claim' }
  | { code: 'AlreadyExists'; message: string; field: string; entity: 'source' | 'fact' | 'claim' }
  | { code: 'InvariantViolated'; message: string; field: string }
  | { code: 'WrongExpectedRevision'; message: string; stream: string; expected: ExpectedRevision; actual: bigint | 'no_stream' }
  | { code: 'IdempotencyConflict'; message: string; idempotencyKey: string }
  | { code: 'Forbidden'; message: string; required: 'editor' | 'admin' }

export type LedgerErrorCode = LedgerError['code']

export const fail = {
  invalid: (issues: FieldIssue[]): LedgerError => ({
    code: 'ValidationFailed',
    message: issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; '),
    issues,
  }),
  notFound: (entity: 'source' | 'fact' | 'claim', field: string, id: string): LedgerError => ({
    code: 'NotFound',
    entity,
    field,
    message: `${field}: ${entity} "${id}" does not exist`,
  }),
  exists: (entity: 'source' | 'fact' | 'claim', field: string, id: string): LedgerError => ({
    code: 'AlreadyExists',
    entity,
    field,
    message: `${field}: ${entity} "${id}" already exists`,
  }),
  invariant: (field: string, message: string): LedgerError => ({ code: 'InvariantViolated', field, message: `${field}: ${message}` }),
  forbidden: (required: 'editor' | 'admin', role: string): LedgerError => ({
    code: 'Forbidden',
    required,
    message: `role "${role}" may not do this; it needs ${required}`,
  }),
}
