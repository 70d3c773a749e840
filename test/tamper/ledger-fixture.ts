import { v7 as uuidv7 } from 'uuid'
import type { NewEvent, RecordedEvent } from '../../events/envelope.js'
import type { EventStore } from '../../src/store/port.js'

/**
 * Test-only: appends a small claim-ledger-shaped log. `plan` lists appends in
 * order as [stream, number of events]; streams interleave in the global log.
 */
export function claimEvent(n: number): NewEvent {
  const correlationId = uuidv7()
  return {
    id: uuidv7(),
    type: 'ClaimRecorded',
    schemaVersion: 1,
    data: { quote: `Treasury sanctioned ${n} officials`, value: n },
    metadata: {
      actor: 'editor@example.org',
      role: 'editor',
      correlationId,
      causationId: correlationId,
      recordedAt: new Date(Date.UTC(2024, 10, 27) + n * 1000).toISOString(),
    },
  }
}

export async function appendPlan(store: EventStore, plan: ReadonlyArray<readonly [string, number]>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = []
  let n = 0
  for (const [stream, count] of plan) {
    const events = Array.from({ length: count }, () => claimEvent(n++))
    const result = await store.append(stream, events, { expectedRevision: 'any' })
    if (!result.ok) throw new Error(`fixture append to ${stream} failed: ${result.error.code}`)
    out.push(...result.events)
  }
  return out
}

/** source-a: 3 events, fact-b: 3, claim-c: 3, interleaved over 6 appends (9 events, positions 1..9). */
export const THREE_STREAMS = [
  ['source-a', 2],
  ['fact-b', 1],
  ['claim-c', 2],
  ['source-a', 1],
  ['fact-b', 2],
  ['claim-c', 1],
] as const

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}
