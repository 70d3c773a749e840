import type { DecodedEvent } from './decoded-event.js'
import type { FactDoc } from './model.js'
import { reducerBug } from './reducer-errors.js'
import { stampOf } from './stamp.js'

/** Fold one event of a `fact-<id>` stream (FactDefined, FactPinned, FactUnpinned) into the fact document. Pure. */
export function evolveFact(doc: FactDoc | null, event: DecodedEvent): FactDoc {
  const stamp = stampOf(event.recorded)
  const lastPosition = stamp.position
  if (event.type === 'FactDefined') {
    if (doc) throw reducerBug('fact', event, `fact ${doc.factId} is already defined`)
    const d = event.data
    return {
      factId: d.factId,
      question: d.question,
      subject: d.subject,
      unit: d.unit,
      kind: d.kind,
      timeVarying: d.timeVarying,
      ...(d.subsetOf !== undefined && { subsetOf: d.subsetOf }),
      pin: null,
      pinHistory: [],
      defined: stamp,
      lastPosition,
    }
  }
  if (event.type !== 'FactPinned' && event.type !== 'FactUnpinned') throw reducerBug('fact', event, 'not a fact event')
  if (!doc) throw reducerBug('fact', event, `fact ${event.data.factId} was never defined`)
  if (event.data.factId !== doc.factId) {
    throw reducerBug('fact', event, `event names fact ${event.data.factId}, the stream holds ${doc.factId}`)
  }
  if (event.type === 'FactPinned') {
    const { claimId, reason } = event.data
    return {
      ...doc,
      pin: { claimId, reason, stamp },
      pinHistory: [...doc.pinHistory, { action: 'pinned', claimId, reason, stamp }],
      lastPosition,
    }
  }
  if (!doc.pin) throw reducerBug('fact', event, `fact ${doc.factId} has no pin to remove`)
  return {
    ...doc,
    pin: null,
    // The history names the claim that was unpinned, so the audit trail reads on its own.
    pinHistory: [...doc.pinHistory, { action: 'unpinned', claimId: doc.pin.claimId, reason: event.data.reason, stamp }],
    lastPosition,
  }
}
