import type { EventStore } from './port.js'

/**
 * The current revision of a stream, or null when it does not exist. Adapters
 * with an index to ask (SQLite, PostgreSQL) answer through `streamHead`
 * without reading the event; for the others the last event is read and only
 * its revision kept.
 */
export async function streamRevision(store: EventStore, stream: string): Promise<bigint | null> {
  if (store.streamHead) return store.streamHead(stream)
  for await (const event of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) return event.revision
  return null
}
