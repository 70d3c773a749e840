import {
  ANY,
  AccessDeniedError,
  DeadlineExceededError,
  NO_STREAM,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client'
import t from 'tap'
import { createStreamNames, fromEsdbRecord, toReadPosition, assertEsdbEventId, toEsdbEvent } from '../../src/store/esdb/event-mapping.js'
import { classifyEsdbError, toStoreError, toWrongExpectedRevision } from '../../src/store/esdb/map-errors.js'
import { chainExpectedRevision, toEsdbExpectedRevision } from '../../src/store/esdb/map-expected-revision.js'
import { StoreUnavailableError } from '../../src/store/port.js'

// Everything here runs without a server: the client's error classes are
// constructed directly (they accept `undefined` for the gRPC error), and
// look-alikes stand for errors from another copy of the client.

t.test('WrongExpectedVersionError maps to the actual revision, or no_stream', async (t) => {
  const atRevision = new WrongExpectedVersionError(undefined, { streamName: 'fact-x', expected: 3n, current: 7n })
  t.strictSame(classifyEsdbError(atRevision), { kind: 'wrong-expected-version', stream: 'fact-x', actual: 7n })
  const missing = new WrongExpectedVersionError(undefined, { streamName: 'fact-y', expected: STREAM_EXISTS, current: NO_STREAM })
  t.strictSame(classifyEsdbError(missing), { kind: 'wrong-expected-version', stream: 'fact-y', actual: 'no_stream' })
  t.strictSame(toWrongExpectedRevision('fact-x', 3n, 7n), { code: 'WrongExpectedRevision', stream: 'fact-x', expected: 3n, actual: 7n })
})

t.test('StreamNotFoundError maps to stream-not-found with the stream name', async (t) => {
  t.strictSame(classifyEsdbError(new StreamNotFoundError(undefined, 'claim-1')), { kind: 'stream-not-found', stream: 'claim-1' })
})

t.test('unreachable, timed out, leader-less and refused-credential errors become StoreUnavailableError', async (t) => {
  const cases: Array<[string, unknown]> = [
    ['UnavailableError', new UnavailableError(undefined, 'connect ECONNREFUSED 127.0.0.1:2113')],
    ['DeadlineExceededError', new DeadlineExceededError(undefined, 'deadline exceeded')],
    ['AccessDeniedError', new AccessDeniedError(undefined, 'access denied')],
    ['not-leader look-alike', Object.assign(new Error('not leader'), { type: 'not-leader' })],
    ['raw gRPC UNAVAILABLE (code 14)', Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 })],
    ['raw gRPC DEADLINE_EXCEEDED (code 4)', Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 })],
    ['socket error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
  ]
  for (const [name, error] of cases) {
    const failure = classifyEsdbError(error)
    t.equal(failure.kind, 'unavailable', name)
    if (failure.kind !== 'unavailable') continue
    t.type(failure.error, StoreUnavailableError, `${name}: a StoreUnavailableError`)
    t.equal(failure.error.cause, error, `${name}: keeps the cause`)
    t.type(toStoreError(error), StoreUnavailableError, `${name}: toStoreError agrees`)
  }
  const denied = classifyEsdbError(new AccessDeniedError(undefined, 'access denied'))
  t.match(denied.kind === 'unavailable' && denied.error.message, /check the credentials in FACTLEDGER_ESDB_URL/)
  const already = new StoreUnavailableError('down')
  t.strictSame(classifyEsdbError(already), { kind: 'unavailable', error: already }, 'passes through unchanged')
})

t.test('other errors (bugs, deleted streams, non-errors) pass through unchanged', async (t) => {
  for (const error of [new UnknownError(undefined, 'boom'), new StreamDeletedError(undefined, 'fact-x'), new TypeError('bug'), 'a string', null, 42]) {
    t.strictSame(classifyEsdbError(error), { kind: 'other', error })
    t.equal(toStoreError(error), error)
  }
})

t.test('toStoreError turns an unavailable error into StoreUnavailableError with its message', async (t) => {
  const mapped = toStoreError(new UnavailableError(undefined, 'no connection'))
  t.type(mapped, StoreUnavailableError)
  t.equal((mapped as Error).message, 'EventStoreDB unavailable: no connection')
})

t.test('expected revisions map to the client constants; the chain always appends at an exact revision', async (t) => {
  t.equal(toEsdbExpectedRevision('any'), ANY)
  t.equal(toEsdbExpectedRevision('no_stream'), NO_STREAM)
  t.equal(toEsdbExpectedRevision('stream_exists'), STREAM_EXISTS)
  t.equal(toEsdbExpectedRevision(41n), 41n)
  t.equal(chainExpectedRevision(null), NO_STREAM)
  t.equal(chainExpectedRevision(0n), 0n)
})

const metadata = { actor: 'a', role: 'editor' as const, correlationId: 'c', causationId: 'c', recordedAt: '2024-11-27T00:00:00Z' }
const recorded = {
  id: '01931e5c-7a2b-7cde-8f00-0123456789ab',
  type: 'ClaimRecorded',
  schemaVersion: 2,
  data: { zulu: 1, alpha: [2] },
  metadata,
  stream: 'claim-1',
  revision: 4n,
  position: 123n,
  hash: 'h'.repeat(64),
  prevHash: 'p'.repeat(64),
}

t.test('an event travels as JSON data with the chain and schemaVersion in its metadata, and comes back the same', async (t) => {
  const data = toEsdbEvent(recorded)
  t.equal(data.id, recorded.id)
  t.equal(data.type, 'ClaimRecorded')
  t.equal(data.contentType, 'application/json')
  t.strictSame(data.metadata, { factledger: 1, schemaVersion: 2, hash: recorded.hash, prevHash: recorded.prevHash, metadata })
  const back = fromEsdbRecord(
    { streamId: 'ns:claim-1', id: data.id, revision: 4n, type: data.type, data: data.data, metadata: data.metadata, position: { commit: 987n, prepare: 987n } },
    'claim-1',
  )
  t.strictSame(back, { ...recorded, position: 987n }, 'the position is the $all commit position')
})

t.test('records factledger did not write are not events; a record without its $all position is refused', async (t) => {
  const base = { streamId: 'claim-1', id: recorded.id, revision: 0n, type: 'X', data: {}, position: { commit: 5n, prepare: 5n } }
  t.equal(fromEsdbRecord({ ...base, metadata: undefined }, 'claim-1'), null)
  t.equal(fromEsdbRecord({ ...base, metadata: { some: 'other app' } }, 'claim-1'), null)
  const envelope = toEsdbEvent(recorded).metadata
  t.throws(() => fromEsdbRecord({ ...base, metadata: envelope, position: undefined }, 'claim-1'), /without its \$all position/)
  t.throws(() => fromEsdbRecord({ ...base, metadata: envelope, position: { commit: 18_446_744_073_709_551_615n, prepare: 0n } }, 'claim-1'), /22\.10 or later/)
})

t.test('read positions: 0 is the start, others are exact commit/prepare pairs', async (t) => {
  t.equal(toReadPosition(0n), 'start')
  t.strictSame(toReadPosition(4096n), { commit: 4096n, prepare: 4096n })
})

t.test('stream names map 1:1, or under a namespace; system streams are never the ledger\'s', async (t) => {
  const plain = createStreamNames()
  t.equal(plain.toPhysical('fact-x'), 'fact-x')
  t.equal(plain.toLogical('fact-x'), 'fact-x')
  t.equal(plain.toLogical('$ce-fact'), null)
  t.throws(() => plain.toPhysical('$all'), /system streams/)
  const ns = createStreamNames('tenant-1')
  t.equal(ns.toPhysical('fact-x'), 'tenant-1:fact-x')
  t.equal(ns.toLogical('tenant-1:fact-x'), 'fact-x')
  t.equal(ns.toLogical('tenant-2:fact-x'), null)
  t.equal(ns.toLogical('fact-x'), null)
  for (const bad of ['', 'has space', 'a:b', 'x'.repeat(101)]) t.throws(() => createStreamNames(bad), /namespace must be/, JSON.stringify(bad))
})

t.test('event ids must be lower-case UUIDs', async (t) => {
  t.doesNotThrow(() => assertEsdbEventId(recorded.id))
  for (const bad of ['e1', recorded.id.toUpperCase(), `${recorded.id}x`]) t.throws(() => assertEsdbEventId(bad), TypeError, bad)
})
