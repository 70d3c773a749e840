import type { NewEvent } from '../events/envelope.js'
import { type EventType, eventTypes } from '../events/registry.js'
import { importEvents } from '../src/interchange/import-events.js'
import type { EventStore } from '../src/store/port.js'
import { claimPayload, correctionPayload, factPayload, sourcePayload } from './ledger-payloads.js'
import { createRandom } from './random.js'

/**
 * One much-reported fact: `claims` claims from 40 sources, with a correction
 * after every tenth, appended through the store in log order after what the
 * log already holds. Returns the
 * fact id and the positions and timestamps of its claims (the past an as-of
 * query asks about).
 */
export async function appendHeavilyClaimedFact(store: EventStore, claims: number): Promise<{ factId: string; positions: bigint[]; recordedAt: string[] }> {
  const random = createRandom(1000)
  // After whatever the log holds already (the generated ledger), so recordedAt never goes back along the log.
  let clock = Math.max(Date.parse('2024-09-01T00:00:00Z'), await lastRecordedAt(store))
  const event = (type: EventType, data: unknown): NewEvent => {
    clock += 60_000
    const id = random.uuid7(clock)
    return { id, type, schemaVersion: eventTypes[type].current, data, metadata: { actor: 'editor-1', role: 'editor', correlationId: id, causationId: id, recordedAt: new Date(clock).toISOString() } }
  }
  const append = async (stream: string, e: NewEvent, expectedRevision: 'no_stream' | bigint) => {
    const result = await store.append(stream, [e], { expectedRevision })
    if (!result.ok) throw new Error(`asOfQuery setup: ${result.error.code} on ${stream}`)
    return result.position
  }
  const factId = random.uuid7(clock)
  await append(`fact-${factId}`, event('FactDefined', factPayload(random, factId, clock)), 'no_stream')
  const sources: string[] = []
  for (let i = 0; i < 40; i++) {
    const id = random.uuid7(clock)
    sources.push(id)
    await append(`source-${id}`, event('SourceRegistered', sourcePayload(random, id, clock)), 'no_stream')
  }
  const positions: bigint[] = []
  const recordedAt: string[] = []
  const pending: Array<Promise<bigint>> = []
  for (let i = 0; i < claims; i++) {
    const claimId = random.uuid7(clock)
    const recorded = event('ClaimRecorded', claimPayload(random, { claimId, factId, sourceId: random.pick(sources) }, 180, clock))
    recordedAt.push(recorded.metadata.recordedAt)
    pending.push(append(`claim-${claimId}`, recorded, 'no_stream'))
    if (i % 10 === 9) pending.push(append(`claim-${claimId}`, event('ClaimCorrected', correctionPayload(random, claimId, 180)), 0n))
  }
  // Appends were pipelined (one group commit per turn); claim positions are every claim's own.
  const settled = await Promise.all(pending)
  let k = 0
  for (let i = 0; i < claims; i++) {
    positions.push(settled[k]!)
    k += i % 10 === 9 ? 2 : 1
  }
  return { factId, positions, recordedAt }
}

async function lastRecordedAt(store: EventStore): Promise<number> {
  const head = await store.headPosition()
  if (head === 0n) return 0
  for await (const e of store.readAll({ fromPosition: head - 1n, maxCount: 1 })) return Date.parse(e.metadata.recordedAt)
  return 0
}

/**
 * The as-of bench's ledger: the generated newsroom ledger (`ndjson`, imported
 * as `factledger import` does), then the much-reported fact after it, so the
 * fact's history sits in a log of the size asked for.
 */
export async function loadAsOfLedger(store: EventStore, ndjson: string | null, claims: number, onProgress?: (imported: number) => void) {
  if (ndjson) {
    const loaded = await importEvents(store, ndjson, onProgress ? { onProgress } : {})
    if (!loaded.ok) throw new Error(`asOfQuery setup: the generated ledger was refused: ${loaded.message}`)
  }
  return appendHeavilyClaimedFact(store, claims)
}
