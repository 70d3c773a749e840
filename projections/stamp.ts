import type { RecordedEvent } from '../events/envelope.js'
import type { LedgerStamp } from './model.js'

/** Where an event sits on the ledger clock, JSON-safe (bigints as decimal strings). */
export function stampOf(event: RecordedEvent): LedgerStamp {
  return {
    eventId: event.id,
    type: event.type,
    position: event.position.toString(),
    revision: event.revision.toString(),
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
    role: event.metadata.role,
  }
}
