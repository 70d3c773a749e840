import type { ClaimDoc, FactDoc, FactView, LedgerStamp, SourceDoc } from '../../projections/model.js'
import type { ProjectionBatch } from '../../src/read-model/port.js'

/** Hand-built projection documents: valid shapes, contents chosen by each case. */
export function stamp(position: number): LedgerStamp {
  return {
    eventId: `event-${position}`,
    type: 'Probe',
    position: String(position),
    revision: '0',
    recordedAt: '2024-11-27T12:00:00.000Z',
    actor: 'reader-model-suite',
    role: 'system',
  }
}

export function sourceDoc(sourceId: string, overrides: Partial<SourceDoc> = {}): SourceDoc {
  return {
    sourceId,
    publisher: 'Reuters',
    title: 'US sanctions Maduro allies',
    publishedAt: '2024-11-27',
    origin: 'reuters',
    tier: 1,
    snapshots: [],
    retracted: null,
    revisions: [],
    registered: stamp(1),
    lastPosition: '1',
    ...overrides,
  }
}

export function factDoc(factId: string, overrides: Partial<FactDoc> = {}): FactDoc {
  return {
    factId,
    question: `How many for ${factId}?`,
    subject: 'US sanctions on Maduro allies',
    unit: 'persons',
    kind: 'count',
    timeVarying: false,
    pin: null,
    pinHistory: [],
    defined: stamp(2),
    lastPosition: '2',
    ...overrides,
  }
}

export function claimDoc(claimId: string, factId: string, sourceId: string, overrides: Partial<ClaimDoc> = {}): ClaimDoc {
  return {
    claimId,
    factId,
    sourceId,
    citation: { quote: 'sanctioned 21 officials', verified: false },
    attributedTo: 'U.S. Treasury',
    via: [],
    value: { text: '21', hedge: 'exact', stated: [21], lower: 21, upper: 21, lowerInclusive: true, upperInclusive: true },
    reading: null,
    modality: 'official',
    validAt: '2024-11-27',
    retracted: null,
    disputes: [],
    reassignedFrom: [],
    lifecycle: [{ action: 'recorded', stamp: stamp(3) }],
    lastPosition: '3',
    ...overrides,
  }
}

export function factView(factId: string, position: number, overrides: Partial<FactView> = {}): FactView {
  return {
    factId,
    question: `How many for ${factId}?`,
    unit: 'persons',
    kind: 'count',
    value: { text: '21', hedge: 'exact', stated: [21], lower: 21, upper: 21, lowerInclusive: true, upperInclusive: true },
    display: '21',
    status: 'single-source',
    origins: 1,
    attributedTo: ['U.S. Treasury'],
    disputes: { open: 0, reasons: [] },
    supporting: ['c1'],
    superseded: [],
    conflicting: [],
    excluded: [],
    explanation: [{ step: 'intersected', detail: 'one claim', claimIds: ['c1'] }],
    summary: '21 per U.S. Treasury',
    policyVersion: 1,
    asOf: { position: String(position), knownAt: null, validAt: null },
    ...overrides,
  }
}

export function batch(position: number, parts: Partial<Omit<ProjectionBatch, 'checkpoint'>> = {}): ProjectionBatch {
  return { sources: [], facts: [], claims: [], views: [], ...parts, checkpoint: { position: BigInt(position), version: 'v1' } }
}
