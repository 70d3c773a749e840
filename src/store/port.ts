import type { NewEvent, RecordedEvent } from '../../events/envelope.js'

/**
 * The store port. Every adapter (SQLite, PostgreSQL, EventStoreDB) satisfies
 * it and passes the one conformance suite in test/store/.
 *
 * Expected outcomes are values (AppendResult); only bugs and infrastructure
 * faults throw (as StoreUnavailableError where the adapter can tell).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint

export interface AppendOptions {
  expectedRevision: ExpectedRevision
}

export type AppendResult =
  | {
      ok: true
      /** Revision of the last event now in the stream. */
      nextExpectedRevision: bigint
      /** Global position of the last appended event. */
      position: bigint
      /** The events as stored (with revision, position and hashes). */
      events: RecordedEvent[]
      /** true when every event id was already in the stream: an idempotent retry wrote nothing. */
      duplicate: boolean
    }
  | { ok: false; error: WrongExpectedRevision | DuplicateEventId }

export interface WrongExpectedRevision {
  code: 'WrongExpectedRevision'
  stream: string
  expected: ExpectedRevision
  /** The stream's current revision, or 'no_stream'. */
  actual: bigint | 'no_stream'
}

/** Some (not all) of the batch's event ids are already stored: neither a retry nor new work. */
export interface DuplicateEventId {
  code: 'DuplicateEventId'
  stream: string
  eventId: string
}

export interface ReadStreamOptions {
  fromRevision?: bigint
  direction?: 'forwards' | 'backwards'
  maxCount?: number
}

export interface ReadAllOptions {
  /** Exclusive: events with position > fromPosition. Default 0n (from the start). */
  fromPosition?: bigint
  /** Inclusive upper bound on position (for as-of reads). */
  toPosition?: bigint
  maxCount?: number
}

export interface SubscribeOptions {
  /** Exclusive: deliver events with position > fromPosition, then live ones. */
  fromPosition: bigint
  /** Aborting ends the iteration cleanly. */
  signal?: AbortSignal
}

export interface EventStore {
  readonly kind: 'sqlite' | 'postgres' | 'esdb' | 'memory'
  append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>
  /** A missing stream yields nothing. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>
  /** Catch-up from `fromPosition`, then live, never skipping an in-flight commit. */
  subscribeToAll(options: SubscribeOptions): AsyncIterable<RecordedEvent>
  /** Position of the last committed event (0n when empty). */
  headPosition(): Promise<bigint>
  /**
   * Revision of the stream's last event, or null when the stream does not
   * exist: what `readStream(stream, { direction: 'backwards', maxCount: 1 })`
   * yields, without reading the event. Optional, so an adapter that cannot do
   * better than that read may leave it out; callers go through
   * `streamRevision` (src/store/stream-revision.ts), which falls back to it.
   */
  streamHead?(stream: string): Promise<bigint | null>
  /**
   * The events at these global positions, in position order (positions with
   * no event are left out). Optional: an adapter without it is read one
   * position at a time through readAll (src/store/read-positions.ts).
   */
  readPositions?(positions: readonly bigint[]): Promise<RecordedEvent[]>
  close(): Promise<void>
}

/** The store cannot be reached or failed underneath; the write may not have happened. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}
