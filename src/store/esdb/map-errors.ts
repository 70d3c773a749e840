import { StoreUnavailableError, type ExpectedRevision, type WrongExpectedRevision } from '../port.js'

/**
 * What an @eventstore/db-client error means for the port. Pure: it reads the
 * error's `type` (the client's ErrorType string) and gRPC `code`, never its
 * class identity, so it also recognises errors from another copy of the
 * client and is unit-tested without a server.
 */
export type EsdbFailure =
  | { kind: 'wrong-expected-version'; stream: string; actual: bigint | 'no_stream' }
  | { kind: 'stream-not-found'; stream: string }
  | { kind: 'unavailable'; error: StoreUnavailableError }
  | { kind: 'other'; error: unknown }

/** gRPC status codes that mean "the server (or this node) cannot serve right now". */
const UNAVAILABLE_GRPC_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */])
/** Client error types for the same, plus a follower asked to do a leader's work and refused credentials. */
const UNAVAILABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'access-denied'])
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN'])

interface ClientErrorShape {
  type?: unknown
  code?: unknown
  message?: unknown
  streamName?: unknown
  actualVersion?: unknown
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error)
}

export function classifyEsdbError(error: unknown): EsdbFailure {
  if (error instanceof StoreUnavailableError) return { kind: 'unavailable', error }
  if (typeof error !== 'object' || error === null) return { kind: 'other', error }
  const e = error as ClientErrorShape
  const stream = typeof e.streamName === 'string' ? e.streamName : ''

  if (e.type === 'wrong-expected-version') {
    const actual = typeof e.actualVersion === 'bigint' ? e.actualVersion : 'no_stream'
    return { kind: 'wrong-expected-version', stream, actual }
  }
  if (e.type === 'stream-not-found') return { kind: 'stream-not-found', stream }

  const unavailable =
    (typeof e.type === 'string' && UNAVAILABLE_TYPES.has(e.type)) ||
    (typeof e.code === 'number' && UNAVAILABLE_GRPC_CODES.has(e.code)) ||
    (typeof e.code === 'string' && NETWORK_CODES.has(e.code))
  if (unavailable) {
    const hint = e.type === 'access-denied' ? ' (check the credentials in FACTLEDGER_ESDB_URL)' : ''
    return { kind: 'unavailable', error: new StoreUnavailableError(`EventStoreDB unavailable: ${describe(error)}${hint}`, { cause: error }) }
  }
  return { kind: 'other', error }
}

/** The port's typed conflict, for the logical stream name the caller used. */
export function toWrongExpectedRevision(stream: string, expected: ExpectedRevision, actual: bigint | 'no_stream'): WrongExpectedRevision {
  return { code: 'WrongExpectedRevision', stream, expected, actual }
}

/** For paths with no expected outcome to report: infrastructure faults become StoreUnavailableError, the rest passes through. */
export function toStoreError(error: unknown): unknown {
  const failure = classifyEsdbError(error)
  return failure.kind === 'unavailable' ? failure.error : error
}
