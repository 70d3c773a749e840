import type { NewEvent } from '../events/envelope.js'
import { type EventType, eventTypes } from '../events/registry.js'
import { claimPayload, correctionPayload, factPayload, sourcePayload } from './ledger-payloads.js'
import { createRandom, type Random } from './random.js'

/** An event in log order, with the stream revision it takes there. */
export interface LedgerEvent {
  stream: string
  revision: bigint
  event: NewEvent
  /**
   * The stream's hash-chain head, for whoever computes hashes (the NDJSON
   * writer): holds the hash of the stream's previous event, to be replaced by
   * this event's. Kept on the entity, so memory stays bounded by the window.
   */
  chain: { hash: string | null }
}

interface Entity {
  id: string
  stream: string
  /** Revision of the entity's last event. */
  revision: bigint
  chain: { hash: string | null }
}
interface FactEntity extends Entity {
  base: number
  claims: string[]
  pinned: boolean
}
interface ClaimEntity extends Entity {
  /** The fact it is filed under now (kept by reference: no lookup per event). */
  fact: FactEntity
  retracted: boolean
}

/** How many recent entities new events may touch: a news cycle, which also bounds the generator's memory. */
const WINDOW = { sources: 300, facts: 2_000, claims: 8_000 }
const START_MS = Date.parse('2024-09-01T00:00:00Z')

/**
 * A newsroom's ledger, `count` events long, deterministic for a seed: sources
 * registered as reports come in, facts defined, a handful of claims per fact
 * (about 7), and the lifecycle a real desk produces — corrections, disputes,
 * retractions, reassignments to the right fact, pins, revised and retracted
 * sources. Every event is one the ledger's commands would accept, so the
 * reducers never meet an impossible sequence.
 */
export function* generateLedger(count: number, seed = 6): Generator<LedgerEvent> {
  const random = createRandom(seed)
  const sources: Array<Entity & { retracted: boolean }> = []
  const facts: FactEntity[] = []
  const claims: ClaimEntity[] = []
  let clock = START_MS

  const make = (entity: Entity, type: EventType, data: unknown, id = random.uuid7(clock)): LedgerEvent => ({
    stream: entity.stream,
    revision: entity.revision,
    chain: entity.chain,
    event: {
      id,
      type,
      schemaVersion: eventTypes[type].current,
      data,
      metadata: { actor: `editor-${random.int(12)}`, role: 'editor', correlationId: id, causationId: id, recordedAt: new Date(clock).toISOString() },
    },
  })
  const push = <T>(list: T[], item: T, max: number) => {
    list.push(item)
    // Trim in chunks: shifting one item off an 8,000-long array per event would dominate the generator.
    if (list.length > max * 1.25) list.splice(0, list.length - max)
  }
  const touch = <E extends Entity>(entity: E): E => {
    entity.revision += 1n
    return entity
  }
  const recent = <T>(list: T[]): T => list[list.length - 1 - Math.min(list.length - 1, Math.floor(random.next() ** 2 * list.length))]!

  for (let n = 0; n < count; n++) {
    clock += 1_000 + random.int(60_000)
    const roll = random.next()
    if (sources.length === 0 || roll < 0.03 || sources.every((s) => s.retracted)) {
      const id = random.uuid7(clock)
      const source = { id, stream: `source-${id}`, revision: 0n, chain: { hash: null }, retracted: false }
      push(sources, source, WINDOW.sources)
      yield make(source, 'SourceRegistered', sourcePayload(random, id, clock))
    } else if (facts.length < 3 || roll < 0.15) {
      const id = random.uuid7(clock)
      const fact = { id, stream: `fact-${id}`, revision: 0n, chain: { hash: null }, base: 10 + random.int(3000), claims: [], pinned: false }
      push(facts, fact, WINDOW.facts)
      yield make(fact, 'FactDefined', factPayload(random, id, clock))
    } else if (roll < 0.85 || claims.length < 10) {
      const fact = recent(facts)
      const id = random.uuid7(clock)
      let source = recent(sources)
      while (source.retracted) source = recent(sources)
      fact.claims.push(id)
      const claim = { id, stream: `claim-${id}`, revision: 0n, chain: { hash: null }, fact, retracted: false }
      push(claims, claim, WINDOW.claims)
      yield make(claim, 'ClaimRecorded', claimPayload(random, { claimId: id, factId: fact.id, sourceId: source.id }, fact.base, clock))
    } else {
      yield lifecycleEvent(random, roll, { sources, facts, claims, make, touch, recent })
    }
  }
}

interface Tools {
  sources: Array<Entity & { retracted: boolean }>
  facts: FactEntity[]
  claims: ClaimEntity[]
  make: (entity: Entity, type: EventType, data: unknown) => LedgerEvent
  touch: <E extends Entity>(entity: E) => E
  recent: <T>(list: T[]) => T
}

/** The less common events (15% of the log): what happens to claims, facts and sources after they are recorded. */
function lifecycleEvent(random: Random, roll: number, { sources, facts, claims, make, touch, recent }: Tools): LedgerEvent {
  const claim = recent(claims)
  const fact = claim.fact
  if (roll < 0.92 && !claim.retracted) return make(touch(claim), 'ClaimCorrected', correctionPayload(random, claim.id, fact.base))
  if (roll < 0.94) return make(touch(claim), 'ClaimDisputed', { claimId: claim.id, reason: 'The figure conflicts with the official register.' })
  if (roll < 0.955 && !claim.retracted && !(fact.pinned && fact.claims.includes(claim.id))) {
    claim.retracted = true
    return make(touch(claim), 'ClaimRetracted', { claimId: claim.id, reason: 'The outlet withdrew the figure.' })
  }
  if (roll < 0.965 && !fact.pinned) {
    const to = recent(facts)
    if (to !== fact) {
      fact.claims = fact.claims.filter((c) => c !== claim.id)
      to.claims.push(claim.id)
      claim.fact = to
      return make(touch(claim), 'ClaimReassigned', { claimId: claim.id, fromFactId: fact.id, toFactId: to.id, reason: 'Filed under the wrong round.' })
    }
  }
  if (roll < 0.975 && !claim.retracted) {
    if (fact.pinned) {
      fact.pinned = false
      return make(touch(fact), 'FactUnpinned', { factId: fact.id, reason: 'The official register now settles it.' })
    }
    fact.pinned = true
    return make(touch(fact), 'FactPinned', { factId: fact.id, claimId: claim.id, reason: 'Confirmed with the ministry by phone.' })
  }
  const source = recent(sources)
  if (roll < 0.977 && !source.retracted) {
    return make(touch(source), 'SourceRevised', { sourceId: source.id, revisedAt: '2025-01-10', note: 'Headline updated with the new count.' })
  }
  if (roll < 0.978 && !source.retracted && sources.filter((s) => !s.retracted).length > 1) {
    source.retracted = true
    return make(touch(source), 'SourceRetracted', { sourceId: source.id, retractedAt: '2025-01-15', reason: 'The article was taken down.' })
  }
  return make(touch(claim), 'ClaimDisputed', { claimId: claim.id, reason: 'A second outlet gives another count.' })
}
