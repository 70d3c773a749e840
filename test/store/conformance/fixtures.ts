import type { Test } from 'tap'
import { v7 as uuidv7 } from 'uuid'
import type { NewEvent, RecordedEvent } from '../../../events/envelope.js'
import { hashEvent } from '../../../src/store/hash-chain.js'
import type { AppendResult, EventStore } from '../../../src/store/port.js'

/** What an adapter hands the conformance suite for one test case. */
export interface StoreUnderTest {
  /** A store over fresh, empty data. */
  store: EventStore
  /** Open the same data again, after the suite has closed `store`. Omit when the adapter keeps nothing. */
  reopen: () => Promise<EventStore>
  /** Remove the data. Called after the suite has closed every store it was given. */
  cleanup: () => Promise<void>
}

export type OpenStore = () => Promise<StoreUnderTest>

export interface ConformanceOptions {
  /**
   * true (default): positions are 1, 2, 3, ... with no gaps, as the port promises.
   * false: only strictly increasing (for a backend whose log positions are offsets).
   */
  densePositions?: boolean
}

/** A case body: gets the store, and `reopen` which closes it and returns a store over the same data. */
export type CaseBody = (store: EventStore, reopen: () => Promise<EventStore>) => Promise<void>

/**
 * Run one case on fresh data. The suite closes every store it opened (once),
 * then calls cleanup, even when the case fails.
 */
export async function withStore(open: OpenStore, body: CaseBody): Promise<void> {
  const subject = await open()
  let current: EventStore | null = subject.store
  const reopen = async () => {
    await current?.close()
    current = null
    current = await subject.reopen()
    return current
  }
  try {
    await body(subject.store, reopen)
  } finally {
    try {
      await current?.close()
    } finally {
      await subject.cleanup()
    }
  }
}

let sequence = 0

/** A valid event with a fresh UUIDv7 id; `data.n` numbers events in creation order. */
export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  const correlationId = uuidv7()
  return {
    id: uuidv7(),
    type: 'ConformanceProbe',
    schemaVersion: 1,
    data: { n: sequence++ },
    metadata: {
      actor: 'conformance-suite',
      role: 'system',
      correlationId,
      causationId: correlationId,
      recordedAt: new Date().toISOString(),
    },
    ...overrides,
  }
}

export function newEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, () => newEvent())
}

/** A stream name unique to this call, so cases never collide even on shared data. */
export function newStream(prefix = 'conformance'): string {
  return `${prefix}-${uuidv7()}`
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

/** The event as the caller wrote it: the fields a store must return unchanged. */
export function asWritten(event: NewEvent | RecordedEvent): NewEvent {
  return { id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata }
}

/** Narrow an append result to success, failing the test with the error otherwise. */
export function expectOk(t: Test, result: AppendResult, message: string): Extract<AppendResult, { ok: true }> {
  if (!result.ok) {
    t.fail(message, { error: result.error })
    throw new Error(`${message}: ${JSON.stringify(result.error, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`)
  }
  return result
}

/** Everything the store holds, to show that a rejected append wrote nothing. */
export async function storeState(store: EventStore): Promise<{ head: bigint; events: RecordedEvent[] }> {
  return { head: await store.headPosition(), events: await collect(store.readAll()) }
}

/**
 * Recompute one stream's chain (events in revision order from revision 0).
 * Returns the first problem, or null when every hash verifies.
 */
export function chainProblem(events: RecordedEvent[]): string | null {
  let prevHash: string | null = null
  for (const [i, event] of events.entries()) {
    if (event.revision !== BigInt(i)) return `${event.stream}: revision ${event.revision} at index ${i}`
    if (event.prevHash !== prevHash) return `${event.stream}@${event.revision}: prevHash ${event.prevHash}, expected ${prevHash}`
    const expected = hashEvent(asWritten(event), event.stream, event.revision, prevHash)
    if (event.hash !== expected) return `${event.stream}@${event.revision}: hash ${event.hash}, recomputed ${expected}`
    prevHash = event.hash
  }
  return null
}

/** Positions must increase (by exactly 1 from 1 when dense). Returns the first problem or null. */
export function positionProblem(events: RecordedEvent[], dense: boolean): string | null {
  let previous = 0n
  for (const event of events) {
    if (dense ? event.position !== previous + 1n : event.position <= previous) {
      return `position ${event.position} after ${previous}`
    }
    previous = event.position
  }
  return null
}
