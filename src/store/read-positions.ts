import type { RecordedEvent } from '../../events/envelope.js'
import type { EventStore } from './port.js'

/**
 * The events at these global positions, in position order: through the
 * adapter's readPositions where it has one, else one readAll per position
 * (positions need not be contiguous: the first event after p - 1, if it is at p).
 */
export async function readPositions(store: EventStore, positions: readonly bigint[]): Promise<RecordedEvent[]> {
  if (store.readPositions) return store.readPositions(positions)
  const events: RecordedEvent[] = []
  for (const position of [...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    for await (const e of store.readAll({ fromPosition: position - 1n, toPosition: position, maxCount: 1 })) events.push(e)
  }
  return events
}
