import { BACKWARDS, END, FORWARDS, START, excludeSystemEvents, streamNameFilter } from '@eventstore/db-client'
import type { RecordedEvent } from '../../../events/envelope.js'
import type { ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../port.js'
import type { EsdbClient, EsdbResolved } from './esdb-client.js'
import { fromEsdbRecord, toReadPosition, type StreamNames } from './event-mapping.js'
import { classifyEsdbError, toStoreError } from './map-errors.js'

/** Events per $all read request; reads are paged so no request streams the whole log. */
export const ALL_PAGE_SIZE = 500

const MAX_POSITION = 18_446_744_073_709_551_615n

function positionOf(resolved: EsdbResolved): bigint | undefined {
  return resolved.commitPosition ?? resolved.event?.position?.commit
}

/** A factledger event of this ledger, or null for anything else in $all (system events, links, other ledgers). */
function ours(resolved: EsdbResolved, names: StreamNames): RecordedEvent | null {
  const record = resolved.event
  if (!record || record.type.startsWith('$')) return null
  const logical = names.toLogical(record.streamId)
  return logical === null ? null : fromEsdbRecord(record, logical)
}

/** One stream, as the port reads it; a stream that does not exist yields nothing. */
export async function* readEsdbStream(client: EsdbClient, names: StreamNames, stream: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards'
  if (options.maxCount === 0) return
  const reads = client.readStream(names.toPhysical(stream), {
    direction: backwards ? BACKWARDS : FORWARDS,
    fromRevision: options.fromRevision ?? (backwards ? END : START),
    ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
  })
  try {
    for await (const resolved of reads) {
      if (!resolved.event) continue
      const event = fromEsdbRecord(resolved.event, stream)
      if (!event) throw new Error(`${stream}@${resolved.event.revision} was not written by factledger (no hash-chain metadata)`)
      yield event
    }
  } catch (error) {
    if (classifyEsdbError(error).kind === 'stream-not-found') return
    throw toStoreError(error)
  }
}

/**
 * The global log in commit order. $all holds every event of the cluster, so
 * this pages through it and keeps this ledger's events only. The read starts
 * AT the given position, so the event there (already seen) is skipped.
 */
export async function* readEsdbAll(client: EsdbClient, names: StreamNames, options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
  let after = options.fromPosition ?? 0n
  const upTo = options.toPosition ?? MAX_POSITION
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY
  if (remaining <= 0) return
  try {
    for (;;) {
      let seen = 0
      let last = after
      for await (const resolved of client.readAll({ fromPosition: toReadPosition(after), direction: FORWARDS, maxCount: ALL_PAGE_SIZE })) {
        seen++
        const position = positionOf(resolved)
        if (position === undefined || position <= after) continue
        if (position > upTo) return
        last = position
        const event = ours(resolved, names)
        if (!event) continue
        yield event
        if (--remaining <= 0) return
      }
      if (seen < ALL_PAGE_SIZE || last === after) return
      after = last
    }
  } catch (error) {
    throw toStoreError(error)
  }
}

/** The position of this ledger's last event: $all read backwards until one is found. */
export async function esdbHeadPosition(client: EsdbClient, names: StreamNames): Promise<bigint> {
  try {
    let from: typeof END | { commit: bigint; prepare: bigint } = END
    for (;;) {
      let seen = 0
      let lowest: bigint | undefined
      for await (const resolved of client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount: ALL_PAGE_SIZE })) {
        seen++
        const event = ours(resolved, names)
        if (event) return event.position
        lowest = positionOf(resolved) ?? lowest
      }
      if (seen < ALL_PAGE_SIZE || lowest === undefined) return 0n
      // A backwards read starts just before the given position.
      from = { commit: lowest, prepare: lowest }
    }
  } catch (error) {
    throw toStoreError(error)
  }
}

/**
 * Catch-up then live, from the server's own catch-up subscription: it reads
 * the log from the position on and switches to live pushes without a gap. The
 * server appends to one transaction log in order, so there is no in-flight
 * commit a reader could skip. The filter runs on the server.
 */
export async function* subscribeEsdbAll(client: EsdbClient, names: StreamNames, options: SubscribeOptions, isClosed: () => boolean): AsyncGenerator<RecordedEvent> {
  const { signal } = options
  if (signal?.aborted || isClosed()) return
  const subscription = client.subscribeToAll({
    fromPosition: toReadPosition(options.fromPosition),
    filter: names.prefix ? streamNameFilter({ prefixes: [names.prefix] }) : excludeSystemEvents(),
  })
  const stop = () => void subscription.unsubscribe().catch(() => undefined)
  signal?.addEventListener('abort', stop, { once: true })
  try {
    for await (const resolved of subscription) {
      if (signal?.aborted) return
      const position = positionOf(resolved)
      if (position === undefined || position <= options.fromPosition) continue
      const event = ours(resolved, names)
      if (event) yield event
    }
  } catch (error) {
    if (signal?.aborted || isClosed()) return
    throw toStoreError(error)
  } finally {
    signal?.removeEventListener('abort', stop)
    stop()
  }
}
