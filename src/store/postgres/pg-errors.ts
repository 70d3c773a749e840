import { StoreUnavailableError } from '../port.js'

/** Node socket errors that mean the server is not there (or went away). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN'])

/**
 * SQLSTATEs that say "the database is unavailable" rather than "your query is
 * wrong": connection exceptions (class 08), shutdown and start-up (57P01-57P03),
 * too many connections (53300), and a database that does not exist (3D000).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300' || code === '3D000'
}

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnavailableSqlState(code))) return true
  // pg reports a dropped socket with plain Errors and no code.
  return /Connection terminated|Client has encountered a connection error|connection timeout|Cannot use a pool after calling end/i.test(error.message)
}

/** Infrastructure faults become StoreUnavailableError; anything else (a bug) passes through unchanged. */
export function toStoreError(error: unknown, context: string): unknown {
  if (error instanceof StoreUnavailableError) return error
  if (isUnavailable(error)) return new StoreUnavailableError(`${context}: ${(error as Error).message}`, { cause: error })
  return error
}
