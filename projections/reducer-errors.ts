import type { DecodedEvent } from './decoded-event.js'

/**
 * A reducer that meets an impossible sequence (a claim corrected before it was
 * recorded, an event of another entity type) has found a bug in the ledger or
 * the runner, not a user error: the ledger checks these before it appends.
 */
export function reducerBug(entity: string, event: DecodedEvent, problem: string): Error {
  const at = `${event.type} ${event.recorded.id} at position ${event.recorded.position} (stream ${event.recorded.stream})`
  return new Error(`${entity} reducer: ${problem}: ${at}`)
}
