import type { DecodedEvent, DecodedEventOf } from './decoded-event.js'
import type { ClaimDoc } from './model.js'
import { reducerBug } from './reducer-errors.js'
import { stampOf } from './stamp.js'

type Corrected = DecodedEventOf<'ClaimCorrected'>

/** The event types of a `claim-<id>` stream: the ones evolveClaim folds. The runner and the as-of fold share this list. */
export const claimEventTypes = ['ClaimRecorded', 'ClaimCorrected', 'ClaimRetracted', 'ClaimDisputed', 'ClaimDisputeResolved', 'ClaimReassigned'] as const
export type ClaimEvent = DecodedEventOf<(typeof claimEventTypes)[number]>

export function isClaimEvent(event: DecodedEvent): event is ClaimEvent {
  return (claimEventTypes as readonly string[]).includes(event.type)
}

/**
 * Fold one event of a `claim-<id>` stream into the claim document. Pure.
 * Nothing is lost: corrections keep the old values in the lifecycle,
 * reassignments keep the facts the claim was filed under before.
 */
export function evolveClaim(doc: ClaimDoc | null, event: DecodedEvent): ClaimDoc {
  const stamp = stampOf(event.recorded)
  const lastPosition = stamp.position
  if (event.type === 'ClaimRecorded') {
    if (doc) throw reducerBug('claim', event, `claim ${doc.claimId} is already recorded`)
    const d = event.data
    return {
      claimId: d.claimId,
      factId: d.factId,
      sourceId: d.sourceId,
      citation: d.citation,
      attributedTo: d.attributedTo,
      via: d.via,
      value: d.value,
      reading: d.reading ?? null,
      modality: d.modality,
      validAt: d.validAt,
      retracted: null,
      disputes: [],
      reassignedFrom: [],
      lifecycle: [{ action: 'recorded', stamp }],
      lastPosition,
    }
  }
  if (
    event.type !== 'ClaimCorrected' &&
    event.type !== 'ClaimRetracted' &&
    event.type !== 'ClaimDisputed' &&
    event.type !== 'ClaimDisputeResolved' &&
    event.type !== 'ClaimReassigned'
  ) {
    throw reducerBug('claim', event, 'not a claim event')
  }
  if (!doc) throw reducerBug('claim', event, `claim ${event.data.claimId} was never recorded`)
  if (event.data.claimId !== doc.claimId) {
    throw reducerBug('claim', event, `event names claim ${event.data.claimId}, the stream holds ${doc.claimId}`)
  }
  switch (event.type) {
    case 'ClaimCorrected':
      return applyCorrection(doc, event)
    case 'ClaimRetracted': {
      if (doc.retracted) throw reducerBug('claim', event, `claim ${doc.claimId} is already retracted`)
      const { reason, publishedCorrection } = event.data
      const published = publishedCorrection ? { publishedCorrection } : {}
      return {
        ...doc,
        retracted: { reason, stamp, ...published },
        lifecycle: [...doc.lifecycle, { action: 'retracted', reason, ...published, stamp }],
        lastPosition,
      }
    }
    case 'ClaimDisputed': {
      const { reason } = event.data
      const disputeId = event.recorded.id
      return {
        ...doc,
        disputes: [...doc.disputes, { disputeId, reason, openedAt: stamp.recordedAt, by: stamp.actor, status: 'open', stamp }],
        lifecycle: [...doc.lifecycle, { action: 'disputed', reason, disputeId, stamp }],
        lastPosition,
      }
    }
    case 'ClaimDisputeResolved': {
      const { disputeId, outcome, reason } = event.data
      const dispute = doc.disputes.find((d) => d.disputeId === disputeId)
      if (!dispute) throw reducerBug('claim', event, `claim ${doc.claimId} has no dispute ${disputeId}`)
      if (dispute.status !== 'open') throw reducerBug('claim', event, `dispute ${disputeId} is already ${dispute.status}`)
      const resolution = { outcome, reason, at: stamp.recordedAt, by: stamp.actor, stamp }
      return {
        ...doc,
        disputes: doc.disputes.map((d) => (d.disputeId === disputeId ? { ...d, status: outcome, resolution } : d)),
        lifecycle: [...doc.lifecycle, { action: 'dispute-resolved', reason, disputeId, outcome, stamp }],
        lastPosition,
      }
    }
    case 'ClaimReassigned': {
      const { fromFactId, toFactId, reason } = event.data
      if (fromFactId !== doc.factId) {
        throw reducerBug('claim', event, `claim ${doc.claimId} is filed under ${doc.factId}, not ${fromFactId}`)
      }
      return {
        ...doc,
        factId: toFactId,
        reassignedFrom: [...doc.reassignedFrom, fromFactId],
        lifecycle: [
          ...doc.lifecycle,
          { action: 'reassigned', reason, before: { factId: fromFactId }, after: { factId: toFactId }, stamp },
        ],
        lastPosition,
      }
    }
  }
}

/** Replace the corrected fields; the lifecycle keeps each field's value before and after. */
function applyCorrection(doc: ClaimDoc, event: Corrected): ClaimDoc {
  const { changes, reason, publishedCorrection } = event.data
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  const next: ClaimDoc = { ...doc }
  for (const key of Object.keys(changes).sort() as (keyof typeof changes)[]) {
    const value = changes[key]
    if (value === undefined) continue
    before[key] = doc[key]
    after[key] = value
    ;(next as Record<string, unknown>)[key] = value
  }
  const stamp = stampOf(event.recorded)
  const published = publishedCorrection ? { publishedCorrection } : {}
  return { ...next, lifecycle: [...doc.lifecycle, { action: 'corrected', reason, before, after, ...published, stamp }], lastPosition: stamp.position }
}
