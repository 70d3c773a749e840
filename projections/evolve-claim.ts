import type { DecodedEvent, DecodedEventOf } from './decoded-event.js'
import type { ClaimDoc } from './model.js'
import { reducerBug } from './reducer-errors.js'
import { stampOf } from './stamp.js'

type Corrected = DecodedEventOf<'ClaimCorrected'>

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
      const { reason } = event.data
      return { ...doc, retracted: { reason, stamp }, lifecycle: [...doc.lifecycle, { action: 'retracted', reason, stamp }], lastPosition }
    }
    case 'ClaimDisputed': {
      const { reason } = event.data
      return {
        ...doc,
        disputes: [...doc.disputes, { reason, stamp }],
        lifecycle: [...doc.lifecycle, { action: 'disputed', reason, stamp }],
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
  const { changes, reason } = event.data
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
  return { ...next, lifecycle: [...doc.lifecycle, { action: 'corrected', reason, before, after, stamp }], lastPosition: stamp.position }
}
