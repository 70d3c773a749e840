import { EventStoreDBClient } from '@eventstore/db-client'
import type { EventStore } from '../port.js'
import { StoreUnavailableError } from '../port.js'
import { prepareAppend } from '../shared/prepare-append.js'
import { appendEsdb } from './append-esdb.js'
import type { EsdbClient } from './esdb-client.js'
import { assertEsdbEventId, createStreamNames } from './event-mapping.js'
import { classifyEsdbError, toStoreError } from './map-errors.js'
import { esdbHeadPosition, readEsdbAll, readEsdbStream, subscribeEsdbAll } from './read-esdb.js'

export interface EsdbEventStoreOptions {
  /** e.g. esdb://localhost:2113?tls=false (FACTLEDGER_ESDB_URL). */
  connectionString: string
  /** Keep this ledger's streams under `<namespace>:` so several ledgers share one cluster. */
  namespace?: string
  /** A client to use instead of connecting (tests); the store disposes it on close. */
  client?: EsdbClient
}

export interface EsdbEventStore extends EventStore {
  readonly kind: 'esdb'
}

/**
 * The EventStoreDB / KurrentDB adapter: streams, revisions and event ids map
 * 1:1; the hash chain and schemaVersion ride in event metadata (see
 * event-mapping.ts); global positions are $all commit positions, strictly
 * increasing but with gaps. Async because it probes the server once, so a
 * wrong FACTLEDGER_ESDB_URL fails at start-up with StoreUnavailableError.
 */
export async function createEsdbEventStore(options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
  const names = createStreamNames(options.namespace)
  const client: EsdbClient = options.client ?? EventStoreDBClient.connectionString(toClientConnectionString(options.connectionString))
  await probe(client)
  let closed = false
  // Appends to one stream from this process go one after another: racing
  // ourselves would only cost retries. Other processes are handled by the
  // server's expected-revision check and appendEsdb's retry.
  const streamTails = new Map<string, Promise<unknown>>()
  function serialized<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = streamTails.get(stream) ?? Promise.resolve()
    const next = previous.then(work, work)
    const tail = next.catch(() => undefined)
    streamTails.set(stream, tail)
    void tail.then(() => {
      if (streamTails.get(stream) === tail) streamTails.delete(stream)
    })
    return next
  }

  function assertOpen(): void {
    if (closed) throw new StoreUnavailableError('the EventStoreDB event store is closed')
  }

  return {
    kind: 'esdb',
    async append(stream, events, appendOptions) {
      assertOpen()
      const prepared = prepareAppend(stream, events, appendOptions?.expectedRevision)
      for (const { event } of prepared) assertEsdbEventId(event.id)
      return serialized(stream, () => appendEsdb(client, names, stream, prepared, appendOptions.expectedRevision))
    },
    readStream(stream, readOptions) {
      assertOpen()
      return readEsdbStream(client, names, stream, readOptions)
    },
    readAll(readOptions) {
      assertOpen()
      return readEsdbAll(client, names, readOptions)
    },
    subscribeToAll(subscribeOptions) {
      assertOpen()
      return subscribeEsdbAll(client, names, subscribeOptions, () => closed)
    },
    async headPosition() {
      assertOpen()
      return esdbHeadPosition(client, names)
    },
    async close() {
      if (closed) return
      closed = true
      await client.dispose()
    },
  }
}

/**
 * KurrentDB documents `kurrentdb://` URLs; @eventstore/db-client 6 only parses
 * `esdb://` (same grammar), so the scheme is translated.
 */
export function toClientConnectionString(url: string): string {
  return url.replace(/^kurrentdb(\+discover)?:\/\//, 'esdb$1://')
}

/** One cheap read, so an unreachable server is reported now and not at the first request. */
async function probe(client: EsdbClient): Promise<void> {
  try {
    for await (const _ of client.readStream('factledger-connection-probe', { maxCount: 1 })) break
  } catch (error) {
    if (classifyEsdbError(error).kind === 'stream-not-found') return
    const mapped = toStoreError(error)
    await client.dispose().catch(() => undefined)
    throw mapped instanceof StoreUnavailableError ? mapped : new StoreUnavailableError(`cannot use EventStoreDB: ${(error as Error).message}`, { cause: error })
  }
}
