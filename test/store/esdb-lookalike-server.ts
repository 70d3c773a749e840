/**
 * An in-memory look-alike of an EventStoreDB node, behind the slice of the
 * client API the adapter uses (src/store/esdb/esdb-client.ts). It keeps the
 * server semantics the adapter depends on, so the adapter's own logic runs
 * the conformance suite without a server:
 *
 * - one transaction log; positions are byte offsets (gaps, starting above 0),
 *   commit === prepare for each event;
 * - system events in the log ($statistics in a $stats stream, and a `$>` link
 *   in a `$ce-<category>` stream after each append, as projections write);
 * - appendToStream checks the expected revision atomically and throws the
 *   client's own WrongExpectedVersionError; it yields to the event loop first,
 *   so concurrent appends interleave between the adapter's read and write;
 * - readStream throws StreamNotFoundError for a missing stream;
 * - readAll starts AT a position (inclusive) forwards, strictly before it
 *   backwards; subscribeToAll starts AFTER it and then goes live;
 * - data and metadata cross a JSON "wire" (stringified, parsed back).
 *
 * It is not the server: the real conformance run (FACTLEDGER_ESDB_URL) is the
 * proof; this keeps the adapter's logic tested in every CI run.
 */
import { EventEmitter } from 'node:events'
import {
  ANY,
  BACKWARDS,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type Filter,
  type ReadPosition,
} from '@eventstore/db-client'
import type { EsdbClient, EsdbResolved } from '../../src/store/esdb/esdb-client.js'
import type { EsdbRecord } from '../../src/store/esdb/event-mapping.js'

export interface LookalikeServer {
  /** A new client connection (the store disposes it on close; the data stays). */
  connect(): EsdbClient
  /** The next client call of this name fails with `error`. */
  failNext(call: keyof EsdbClient, error: unknown): void
  readonly log: readonly EsdbRecord[]
}

export function createLookalikeServer(): LookalikeServer {
  const log: EsdbRecord[] = []
  const streams = new Map<string, EsdbRecord[]>()
  const committed = new EventEmitter()
  committed.setMaxListeners(0)
  const failures = new Map<string, unknown>()
  let offset = 4096n // the log starts with epoch records, never with an event

  function write(streamId: string, type: string, data: unknown, metadata: unknown, id: string): EsdbRecord {
    const stream = streams.get(streamId) ?? []
    const dataText = JSON.stringify(data) ?? ''
    const record: EsdbRecord = {
      streamId,
      id,
      revision: BigInt(stream.length),
      type,
      data: dataText === '' ? undefined : JSON.parse(dataText),
      metadata: metadata === undefined ? undefined : JSON.parse(JSON.stringify(metadata)),
      position: { commit: offset, prepare: offset },
    }
    offset += BigInt(120 + dataText.length) // records have sizes: positions leave gaps
    stream.push(record)
    streams.set(streamId, stream)
    log.push(record)
    return record
  }

  function maybeFail(call: string): void {
    if (!failures.has(call)) return
    const error = failures.get(call)
    failures.delete(call)
    throw error
  }

  function revisionMatches(expected: AppendExpectedRevision, current: bigint | null): boolean {
    if (expected === ANY) return true
    if (expected === NO_STREAM) return current === null
    if (expected === STREAM_EXISTS) return current !== null
    return current === expected
  }

  function passes(filter: Filter | undefined, record: EsdbRecord): boolean {
    if (!filter) return true
    const subject = filter.filterOn === 'streamName' ? record.streamId : record.type
    if ('prefixes' in filter) return filter.prefixes.some((p) => subject.startsWith(p))
    return new RegExp(filter.regex).test(subject)
  }

  /** Where a read from `position` starts: the first record at or after it. */
  const index = (position: ReadPosition): number => {
    if (position === 'start') return 0
    if (position === 'end') return log.length
    const at = log.findIndex((r) => r.position!.commit >= position.commit)
    return at === -1 ? log.length : at
  }

  return {
    log,
    failNext(call, error) {
      failures.set(call, error)
    },
    connect(): EsdbClient {
      let disposed = false
      const alive = () => {
        if (disposed) throw new Error('client disposed')
      }
      return {
        async appendToStream(streamName: string, events: EventData[], options: { expectedRevision: AppendExpectedRevision }) {
          alive()
          await new Promise((resolve) => setImmediate(resolve))
          maybeFail('appendToStream')
          const current = streams.has(streamName) ? BigInt(streams.get(streamName)!.length - 1) : null
          if (!revisionMatches(options.expectedRevision, current)) {
            throw new WrongExpectedVersionError(undefined, { streamName, expected: options.expectedRevision, current: current ?? NO_STREAM })
          }
          let last: EsdbRecord | undefined
          for (const e of events) last = write(streamName, e.type, e.data, e.metadata, e.id)
          write('$stats-127.0.0.1:2113', '$statsCollected', { proc: 1 }, undefined, crypto.randomUUID())
          write(`$ce-${streamName.split('-')[0]}`, '$>', `${last!.revision}@${streamName}`, undefined, crypto.randomUUID())
          committed.emit('commit')
          return { success: true, nextExpectedRevision: last!.revision, position: last!.position! }
        },

        async *readStream(streamName, options) {
          alive()
          maybeFail('readStream')
          await new Promise((resolve) => setImmediate(resolve))
          const stream = streams.get(streamName)
          if (!stream) throw new StreamNotFoundError(undefined, streamName)
          const backwards = options.direction === BACKWARDS
          const from = options.fromRevision ?? (backwards ? 'end' : 'start')
          let selected = backwards ? [...stream].reverse() : stream
          if (from !== 'start' && from !== 'end') selected = selected.filter((r) => (backwards ? r.revision <= from : r.revision >= from))
          const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)
          for (const record of selected.slice(0, max)) yield { event: record }
        },

        async *readAll(options) {
          alive()
          maybeFail('readAll')
          await new Promise((resolve) => setImmediate(resolve))
          const backwards = options.direction === BACKWARDS
          const from = options.fromPosition ?? (backwards ? 'end' : 'start')
          const at = index(from)
          const selected = backwards ? log.slice(0, at).reverse() : log.slice(at)
          const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)
          for (const record of selected.slice(0, max)) yield { event: record, commitPosition: record.position!.commit }
        },

        subscribeToAll(options) {
          alive()
          let stopped = false
          let wake: (() => void) | null = null
          const onCommit = () => wake?.()
          committed.on('commit', onCommit)
          const after = options.fromPosition ?? 'start'
          async function* deliver(): AsyncGenerator<EsdbResolved> {
            let next = after === 'start' ? 0 : after === 'end' ? log.length : log.findIndex((r) => r.position!.commit > after.commit)
            if (next === -1) next = log.length
            try {
              while (!stopped) {
                while (next < log.length && !stopped) {
                  const record = log[next++]!
                  if (passes(options.filter, record)) yield { event: record, commitPosition: record.position!.commit }
                }
                if (stopped) return
                await new Promise<void>((resolve) => (wake = resolve))
                wake = null
              }
            } finally {
              committed.off('commit', onCommit)
            }
          }
          const iterator = deliver()
          return {
            [Symbol.asyncIterator]: () => iterator,
            async unsubscribe() {
              stopped = true
              wake?.()
            },
          }
        },

        async dispose() {
          disposed = true
        },
      }
    },
  }
}
