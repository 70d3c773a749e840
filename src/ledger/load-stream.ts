import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'
import type { DecodedEvent } from '../../projections/decoded-event.js'
import type { EventStore } from '../store/port.js'

/** A stream as the command sees it: its events, decoded, and the revision to append after. */
export interface LoadedStream<D> {
  stream: string
  /** null when the stream does not exist yet. */
  revision: bigint | null
  events: RecordedEvent[]
  /** The entity folded from the events; null for a missing stream. */
  doc: D | null
}

/**
 * Read a whole entity stream and fold it with the projection's own reducer, so
 * the write side checks invariants against exactly what readers will see.
 * Entity streams are short (a claim has a handful of events), so reading the
 * stream is cheaper than keeping a cache coherent.
 */
export async function loadStream<D>(
  store: EventStore,
  stream: string,
  evolve: (doc: D | null, event: DecodedEvent) => D,
): Promise<LoadedStream<D>> {
  const events: RecordedEvent[] = []
  let doc: D | null = null
  for await (const event of store.readStream(stream)) {
    events.push(event)
    doc = evolve(doc, decodeRecorded(event))
  }
  const last = events.at(-1)
  return { stream, revision: last ? last.revision : null, events, doc }
}
