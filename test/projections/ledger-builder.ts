import type { z } from 'zod'
import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'
import { type EventType, eventTypes } from '../../events/registry.js'
import { parseQuantity } from '../../events/quantity/parse.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import type { DecodedEvent } from '../../projections/decoded-event.js'
import { evolveClaim } from '../../projections/evolve-claim.js'
import { evolveFact } from '../../projections/evolve-fact.js'
import { evolveSource } from '../../projections/evolve-source.js'
import { reconcileFact } from '../../projections/facts/reconcile.js'
import { defaultPolicy, type ClaimDoc, type FactDoc, type FactView, type Policy, type SourceDoc } from '../../projections/model.js'
import { evolvePolicy } from '../../projections/policy.js'

/**
 * Test-only: an in-memory ledger that hands-builds RecordedEvents (positions,
 * revisions, stamps), decodes them as the runner would, and folds them with
 * the real reducers. No store, no runner: the projections alone.
 */

export type EventInput<T extends EventType> = z.input<(typeof eventTypes)[T]['schema']>

const streamOfEvent: Record<EventType, (data: Record<string, string>) => string> = {
  SourceRegistered: (d) => `source-${d.sourceId}`,
  SourceRevised: (d) => `source-${d.sourceId}`,
  SourceRetracted: (d) => `source-${d.sourceId}`,
  FactDefined: (d) => `fact-${d.factId}`,
  FactPinned: (d) => `fact-${d.factId}`,
  FactUnpinned: (d) => `fact-${d.factId}`,
  PolicyAdopted: () => 'policy-reconciliation',
  ClaimRecorded: (d) => `claim-${d.claimId}`,
  ClaimCorrected: (d) => `claim-${d.claimId}`,
  ClaimRetracted: (d) => `claim-${d.claimId}`,
  ClaimDisputed: (d) => `claim-${d.claimId}`,
  ClaimDisputeResolved: (d) => `claim-${d.claimId}`,
  ClaimReassigned: (d) => `claim-${d.claimId}`,
}

/** A RecordedEvent as a store would return it; hashes are placeholders (projections never read them). */
export function recordedEvent(type: string, data: unknown, at: { stream: string; position: bigint; revision: bigint; schemaVersion?: number }): RecordedEvent {
  return {
    id: `00000000-0000-7000-8000-${at.position.toString(16).padStart(12, '0')}`,
    type,
    schemaVersion: at.schemaVersion ?? (eventTypes as Record<string, { current: number }>)[type]?.current ?? 1,
    data,
    metadata: {
      actor: 'test-editor',
      role: 'editor',
      correlationId: `corr-${at.position}`,
      causationId: `cause-${at.position}`,
      recordedAt: new Date(Date.UTC(2025, 0, 1) + Number(at.position % 1_000_000n) * 1000).toISOString(),
    },
    stream: at.stream,
    revision: at.revision,
    position: at.position,
    hash: 'f'.repeat(64),
    prevHash: at.revision === 0n ? null : 'e'.repeat(64),
  }
}

export function createTestLedger() {
  let position = 0n
  const revisions = new Map<string, bigint>()
  const sources = new Map<string, SourceDoc>()
  const facts = new Map<string, FactDoc>()
  const claims = new Map<string, ClaimDoc>()
  let policy: Policy = defaultPolicy

  function append<T extends EventType>(type: T, data: EventInput<T>): DecodedEvent {
    const stream = streamOfEvent[type](data as Record<string, string>)
    const revision = revisions.has(stream) ? revisions.get(stream)! + 1n : 0n
    position += 1n
    revisions.set(stream, revision)
    const event = decodeRecorded(recordedEvent(type, data, { stream, position, revision }))
    apply(event)
    return event
  }

  function apply(event: DecodedEvent): void {
    const stream = event.recorded.stream
    const id = stream.slice(stream.indexOf('-') + 1)
    if (stream.startsWith('source-')) sources.set(id, evolveSource(sources.get(id) ?? null, event))
    else if (stream.startsWith('fact-')) facts.set(id, evolveFact(facts.get(id) ?? null, event))
    else if (stream.startsWith('claim-')) claims.set(id, evolveClaim(claims.get(id) ?? null, event))
    else policy = evolvePolicy(policy, event)
  }

  function claimsOf(factId: string): ClaimDoc[] {
    return [...claims.values()].filter((c) => c.factId === factId)
  }

  function view(factId: string, clocks: { knownAt?: string | null; validAt?: string | null } = {}): FactView {
    const fact = facts.get(factId)
    if (!fact) throw new Error(`test ledger: no fact ${factId}`)
    return reconcileFact({ fact, claims: claimsOf(factId), sources, policy, position, ...clocks })
  }

  return {
    append,
    view,
    claimsOf,
    sources,
    facts,
    claims,
    get policy() {
      return policy
    },
    get position() {
      return position
    },
  }
}

export type TestLedger = ReturnType<typeof createTestLedger>

/** A Quantity from a phrase, through the real parser; a test phrase that does not parse is a broken test. */
export function q(phrase: string): Quantity {
  const result = parseQuantity(phrase)
  if (!result.ok) throw new Error(result.error.message)
  return result.quantity
}

/** Test ids in UUIDv7 shape: `id('c', 1)` -> 00000000-0000-7000-8000-00000000c001. */
export function id(kind: 'c' | 's', n: number): string {
  return `00000000-0000-7000-8000-0000000${kind === 'c' ? 'c' : 'a'}${n.toString(16).padStart(4, '0')}`
}

export interface SourceSpec {
  publisher?: string
  origin?: string
  tier?: 1 | 2 | 3 | 4
  publishedAt: string
}

/** Register source `n` (origin defaults to the publisher, publisher to "Outlet n"). */
export function addSource(ledger: TestLedger, n: number, spec: SourceSpec): string {
  const publisher = spec.publisher ?? `Outlet ${n}`
  ledger.append('SourceRegistered', {
    sourceId: id('s', n),
    publisher,
    title: `Report ${n}`,
    publishedAt: spec.publishedAt,
    origin: spec.origin ?? publisher,
    tier: spec.tier ?? 2,
  })
  return id('s', n)
}

export function addFact(ledger: TestLedger, factId: string, spec: { timeVarying?: boolean; unit?: string; kind?: 'count' | 'amount' | 'percent' | 'date' } = {}): string {
  ledger.append('FactDefined', {
    factId,
    question: `How many? (${factId})`,
    subject: factId,
    unit: spec.unit ?? 'persons',
    kind: spec.kind ?? 'count',
    timeVarying: spec.timeVarying ?? false,
  })
  return factId
}

export interface ClaimSpec {
  factId: string
  source: number
  value: string
  modality?: 'official' | 'reported' | 'planned' | 'estimate' | 'allegation'
  attributedTo?: string
  validAt?: string
}

/** Record claim `n`: a figure phrase through the real parser, from source `source`. */
export function addClaim(ledger: TestLedger, n: number, spec: ClaimSpec): string {
  ledger.append('ClaimRecorded', {
    claimId: id('c', n),
    factId: spec.factId,
    sourceId: id('s', spec.source),
    citation: { quote: `said ${spec.value}`, verified: false },
    attributedTo: spec.attributedTo ?? 'U.S. Treasury',
    value: q(spec.value),
    modality: spec.modality ?? 'reported',
    validAt: spec.validAt ?? '2024-11-27',
  })
  return id('c', n)
}
