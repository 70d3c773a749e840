import type { EventStore } from '../store/port.js'

/**
 * The three clocks a reader can ask at (DESIGN.md "Three clocks"). `asOf` is
 * the ledger clock: a global position, or a timestamp resolved to the last
 * event recorded at or before it.
 */
export interface Clocks {
  asOf?: bigint | string
  knownAt?: string
  validAt?: string
}

/**
 * Resolve a timestamp to the last position recorded at or before it, by binary
 * search over positions. Relies on recordedAt never decreasing along the log,
 * which holds because one writer stamps events as it commits them in order.
 */
export async function positionAt(store: EventStore, timestamp: string): Promise<bigint> {
  const target = Date.parse(timestamp)
  let lo = 0n
  let hi = await store.headPosition()
  while (lo < hi) {
    const mid = (lo + hi + 1n) / 2n
    const at = await recordedAtOf(store, mid)
    if (at !== null && at <= target) lo = mid
    else hi = mid - 1n
  }
  return lo
}

async function recordedAtOf(store: EventStore, position: bigint): Promise<number | null> {
  // The first event after position-1 is the event at `position` where positions are contiguous,
  // or the next one where they are not (EventStoreDB): either way the order is kept.
  for await (const e of store.readAll({ fromPosition: position - 1n, maxCount: 1 })) return Date.parse(e.metadata.recordedAt)
  return null
}

export async function resolveAsOf(store: EventStore, asOf: bigint | string | undefined): Promise<bigint | undefined> {
  if (asOf === undefined) return undefined
  return typeof asOf === 'bigint' ? asOf : positionAt(store, asOf)
}
