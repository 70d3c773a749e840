import type { NewEvent } from '../events/envelope.js'
import type { EventData } from '../events/registry.js'
import { claimPayload } from './ledger-payloads.js'
import { createRandom } from './random.js'

const TEMPLATES = 1_024

/**
 * Fresh ClaimRecorded events for the append scenarios, each for a new claim
 * stream (as recording a claim does), with realistic payloads (~450 bytes of
 * data JSON, ~180 of metadata). Payloads are built ahead from a pool of
 * templates and only the ids change per event, so making an event costs about
 * a microsecond and the timings measure appending, not generating. Product and
 * baseline draw from the same kind of factory.
 */
export function createClaimEvents(seed = 7) {
  const random = createRandom(seed)
  const now = Date.parse('2025-03-01T12:00:00Z')
  const facts = Array.from({ length: 20 }, (_, i) => ({ id: random.uuid7(now - i * 1000), base: 15 + i * 37 }))
  const sources = Array.from({ length: 50 }, (_, i) => random.uuid7(now - i * 5000))
  const templates = Array.from({ length: TEMPLATES }, (_, i) => {
    const fact = random.pick(facts)
    return claimPayload(random, { claimId: '', factId: fact.id, sourceId: random.pick(sources) }, fact.base, now + i)
  })
  // A UUIDv7-shaped id: a fixed time part per factory, a counter below it.
  const prefix = random.uuid7(now).slice(0, 24)
  let counter = 0
  return function nextClaimEvent(): { stream: string; event: NewEvent } {
    counter += 1
    const claimId = prefix + counter.toString(16).padStart(12, '0')
    const data: EventData<'ClaimRecorded'> = { ...templates[counter % TEMPLATES]!, claimId }
    return {
      stream: `claim-${claimId}`,
      event: { id: claimId, type: 'ClaimRecorded', schemaVersion: 2, data, metadata: { actor: 'editor-1', role: 'editor', correlationId: claimId, causationId: claimId, recordedAt: '2025-03-01T12:00:00.000Z' } },
    }
  }
}
