import type { NewEvent, RecordedEvent } from '../../events/envelope.js'
import { hashEvent } from '../../src/store/hash-chain.js'
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../../src/store/port.js'
import { StoreUnavailableError } from '../../src/store/port.js'

/**
 * Test-only: a small, correct in-memory EventStore. It passes the store
 * conformance suite (test/helpers/memory-store.test.ts), so tests of code
 * above the port can use it instead of a database.
 *
 * `storage.events` is the log itself, in commit order, and is deliberately
 * exposed: tamper tests edit, swap or delete entries there the way an
 * attacker would edit rows of a database file, and reads return what is
 * there without re-checking. Reads hand out copies, so a test that mutates
 * a returned event does not change the store by accident.
 *
 * Passing the same `storage` to a second store is a "reopen".
 */
export interface MemoryStorage {
  events: RecordedEvent[]
}

export interface MemoryEventStore extends EventStore {
  readonly storage: MemoryStorage
}

export function createMemoryStorage(): MemoryStorage {
  return { events: [] }
}

export function createMemoryEventStore(options: { storage?: MemoryStorage } = {}): MemoryEventStore {
  const storage = options.storage ?? createMemoryStorage()
  let closed = false
  // Resolved (and cleared) after every commit and on close: wakes live subscribers.
  let wakeUp = signal()
  const notify = (): void => {
    wakeUp.resolve()
    wakeUp = signal()
  }

  const copy = (event: RecordedEvent): RecordedEvent => structuredClone(event)
  const headPosition = (): bigint => storage.events.at(-1)?.position ?? 0n
  const streamEvents = (stream: string): RecordedEvent[] => storage.events.filter((e) => e.stream === stream)
  const ensureOpen = (): void => {
    if (closed) throw new StoreUnavailableError('the memory store is closed')
  }

  function append(stream: string, batch: NewEvent[], options: AppendOptions): AppendResult {
    ensureOpen()
    const events = batch.map(validated)
    if (stream.length === 0) throw new Error('stream name must not be empty')
    if (events.length === 0) throw new Error('an append needs at least one event')
    if (new Set(events.map((e) => e.id)).size !== events.length) throw new Error('the same event id twice in one batch')

    const existing = streamEvents(stream)
    const last = existing.at(-1)
    const stored = new Map(storage.events.map((e) => [e.id, e]))
    const already = events.filter((e) => stored.has(e.id))

    if (already.length === events.length) {
      const retry = retriedBatch(events.map((e) => stored.get(e.id)!), stream, options.expectedRevision)
      if (retry) return { ok: true, ...summary(retry), events: retry.map(copy), duplicate: true }
    }
    if (already.length > 0) return { ok: false, error: { code: 'DuplicateEventId', stream, eventId: already[0]!.id } }

    const actual = last === undefined ? 'no_stream' : last.revision
    if (!revisionMatches(options.expectedRevision, actual)) {
      return { ok: false, error: { code: 'WrongExpectedRevision', stream, expected: options.expectedRevision, actual } }
    }

    let revision = last === undefined ? 0n : last.revision + 1n
    let prevHash = last?.hash ?? null
    let position = headPosition()
    const recorded = events.map((event) => {
      position += 1n
      const hash = hashEvent(event, stream, revision, prevHash)
      const r: RecordedEvent = { ...event, stream, revision, position, hash, prevHash }
      revision += 1n
      prevHash = hash
      return r
    })
    storage.events.push(...recorded)
    notify()
    return { ok: true, ...summary(recorded), events: recorded.map(copy), duplicate: false }
  }

  async function* readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    ensureOpen()
    const backwards = options.direction === 'backwards'
    let events = streamEvents(stream)
    if (backwards) events.reverse()
    const from = options.fromRevision
    if (from !== undefined) events = events.filter((e) => (backwards ? e.revision <= from : e.revision >= from))
    for (const event of events.slice(0, options.maxCount ?? events.length)) yield copy(event)
  }

  async function* readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    ensureOpen()
    const from = options.fromPosition ?? 0n
    const to = options.toPosition
    const events = storage.events.filter((e) => e.position > from && (to === undefined || e.position <= to))
    for (const event of events.slice(0, options.maxCount ?? events.length)) yield copy(event)
  }

  async function* subscribeToAll(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    const { signal } = options
    let cursor = options.fromPosition
    while (!closed && !signal?.aborted) {
      // Take the wake-up promise before reading, so a commit after the read is not missed.
      const next = wakeUp.promise
      const pending = storage.events.filter((e) => e.position > cursor)
      for (const event of pending) {
        if (closed || signal?.aborted) return
        cursor = event.position
        yield copy(event)
      }
      if (pending.length === 0) await untilCommitOrAbort(next, signal)
    }
  }

  return {
    kind: 'memory',
    storage,
    append: async (stream, events, options) => append(stream, events, options),
    readStream,
    readAll,
    subscribeToAll,
    headPosition: async () => {
      ensureOpen()
      return headPosition()
    },
    streamHead: async (stream) => {
      ensureOpen()
      return streamEvents(stream).at(-1)?.revision ?? null
    },
    close: async () => {
      closed = true
      notify()
    },
  }
}

/** A promise with its resolve function (Promise.withResolvers is Node 22+). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

/**
 * Copies the event through JSON, as a database adapter stores it, refusing
 * what JSON cannot carry exactly: bigint and cycles (JSON.stringify throws),
 * NaN, Infinity, -0, undefined array items, Dates and other class instances.
 * An undefined object property is dropped, as JSON drops it.
 */
function validated(event: NewEvent): NewEvent {
  const plain = { id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata }
  const json = JSON.stringify(plain)
  if (!jsonExact(plain)) throw new Error(`event ${event.id} is not exactly representable as JSON`)
  return JSON.parse(json) as NewEvent
}

function jsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (Array.isArray(value)) return value.every((item) => item !== undefined && jsonExact(item))
  if (typeof value !== 'object') return false
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  return Object.values(value).every((item) => item === undefined || jsonExact(item))
}

function revisionMatches(expected: ExpectedRevision, actual: bigint | 'no_stream'): boolean {
  if (expected === 'any') return true
  if (expected === 'no_stream') return actual === 'no_stream'
  if (expected === 'stream_exists') return actual !== 'no_stream'
  return actual === expected
}

/** The stored events, when they are this batch at the place `expected` would have put it. */
function retriedBatch(stored: RecordedEvent[], stream: string, expected: ExpectedRevision): RecordedEvent[] | null {
  const first = stored[0]!.revision
  const inPlace = stored.every((e, i) => e.stream === stream && e.revision === first + BigInt(i))
  if (!inPlace) return null
  if (expected === 'no_stream' && first !== 0n) return null
  if (typeof expected === 'bigint' && first !== expected + 1n) return null
  return stored
}

function summary(events: RecordedEvent[]): { nextExpectedRevision: bigint; position: bigint } {
  const last = events.at(-1)!
  return { nextExpectedRevision: last.revision, position: last.position }
}

async function untilCommitOrAbort(commit: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return commit
  let onAbort = (): void => {}
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([commit, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
