import type { RecordedEvent } from '../../events/envelope.js'
import type { EventStore } from '../store/port.js'

/** Where following stopped: the error, and the last position of the batch (or subscription) that failed. */
export interface FollowFailure {
  err: unknown
  through: bigint
}

export interface FollowOptions {
  store: EventStore
  /** Where the read model stands now; the subscription starts after it. */
  position: () => bigint
  batchSize: number
  /** Fold one batch into the read model. */
  fold: (events: RecordedEvent[]) => Promise<void>
  /** Run work after every read-model write queued before it (the runner's one write chain). */
  serialized: (work: () => Promise<void>) => Promise<void>
  /** Resolves once every read-model write queued so far has settled. */
  settled: () => Promise<unknown>
  signal: AbortSignal
}

/**
 * Follow the subscription until `signal` aborts or a batch (or the
 * subscription itself) fails; returns that failure. Events already waiting
 * are folded together, at most batchSize at a time; after a failure nothing
 * more is folded, so no later event is ever projected over a missing one.
 */
export async function followLive(options: FollowOptions): Promise<FollowFailure | null> {
  const { store, batchSize, fold, serialized, signal } = options
  const inner = new AbortController()
  const stopInner = () => inner.abort()
  signal.addEventListener('abort', stopInner, { once: true })
  let failure: FollowFailure | null = null
  let buffer: RecordedEvent[] = []
  let flushing: Promise<void> | null = null
  const foldLive = async (events: RecordedEvent[]) => {
    if (failure || events.length === 0) return
    // The check and the record of a failure happen inside the serialized work: a batch queued
    // behind one that then fails must not be folded over it (its checkpoint would pass the failed events).
    await serialized(async () => {
      if (failure) return
      try {
        await fold(events)
      } catch (err) {
        failure = { err, through: events.at(-1)!.position }
        inner.abort()
      }
    })
  }
  const flush = () => {
    if (flushing) return
    flushing = (async () => {
      // Let the subscription deliver what is already waiting, then fold it as one batch.
      await new Promise((r) => setImmediate(r))
      const events = buffer
      buffer = []
      flushing = null
      await foldLive(events)
      if (buffer.length) flush()
    })()
  }
  try {
    for await (const event of store.subscribeToAll({ fromPosition: options.position(), signal: inner.signal })) {
      buffer.push(event)
      if (buffer.length >= batchSize) await foldLive(buffer.splice(0))
      else flush()
    }
    if (!inner.signal.aborted) failure ??= { err: new Error('the live subscription ended'), through: options.position() }
  } catch (err) {
    if (!inner.signal.aborted) failure ??= { err, through: options.position() }
  } finally {
    signal.removeEventListener('abort', stopInner)
  }
  while (flushing) await flushing
  await options.settled()
  return failure
}
