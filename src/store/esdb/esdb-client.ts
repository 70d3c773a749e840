import type { AppendExpectedRevision, Direction, EventData, Filter, Position, ReadPosition, ReadRevision } from '@eventstore/db-client'
import type { EsdbRecord } from './event-mapping.js'

/** A resolved event as reads and subscriptions deliver it (links unresolved). */
export interface EsdbResolved {
  event?: EsdbRecord
  commitPosition?: bigint
}

/**
 * The slice of the @eventstore/db-client EventStoreDBClient the adapter uses.
 * The real client satisfies it as is; tests may pass a look-alike that keeps
 * the server's semantics in memory.
 */
export interface EsdbClient {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: { expectedRevision: AppendExpectedRevision },
  ): Promise<{ success: boolean; nextExpectedRevision: bigint; position?: Position }>
  readStream(streamName: string, options: { fromRevision?: ReadRevision; direction?: Direction; maxCount?: number | bigint }): AsyncIterable<EsdbResolved>
  readAll(options: { fromPosition?: ReadPosition; direction?: Direction; maxCount?: number | bigint }): AsyncIterable<EsdbResolved>
  subscribeToAll(options: { fromPosition?: ReadPosition; filter?: Filter }): AsyncIterable<EsdbResolved> & { unsubscribe(): Promise<void> }
  dispose(): Promise<void>
}
