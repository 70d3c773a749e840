import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'
import type { DecodedEvent } from '../../projections/decoded-event.js'
import type { EventStore } from '../store/port.js'

/** An entity as a command decides on it: its stream's events and the document they fold to (null before the first). */
export interface Entity<D> {
  stream: string
  events: readonly RecordedEvent[]
  doc: D | null
}

/** The projections' own reducer for an entity kind (evolveClaim, evolveFact, ...). */
export type Evolve<D> = (doc: D | null, event: DecodedEvent) => D

/** Reads one entity; commands get one to gather the state their decide function needs. */
export type ReadEntity = <D>(stream: string, evolve: Evolve<D>) => Promise<Entity<D>>

/** Fold a stream's events with the projection's reducer, so commands check exactly what readers will see. */
export function foldEntity<D>(stream: string, events: readonly RecordedEvent[], evolve: Evolve<D>): Entity<D> {
  let doc: D | null = null
  for (const event of events) doc = evolve(doc, decodeRecorded(event))
  return { stream, events, doc }
}

/**
 * Reads whole entity streams from the store (they are short: a claim has a
 * handful of events, so reading is cheaper than keeping a cache coherent).
 * `known` holds streams already read for this command. With `before` (a
 * global position) only events older than it are folded: the state an
 * earlier attempt of the same command decided on.
 */
export function storeReader(store: EventStore, known: Map<string, readonly RecordedEvent[]>, before?: bigint): ReadEntity {
  return async (stream, evolve) => {
    let events = known.get(stream)
    if (!events) {
      events = await readEvents(store, stream)
      known.set(stream, events)
    }
    return foldEntity(stream, before === undefined ? events : events.filter((e) => e.position < before), evolve)
  }
}

export async function readEvents(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = []
  for await (const event of store.readStream(stream)) events.push(event)
  return events
}
