import { streamOf } from '../../../events/ids.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
import { defineCommand } from '../command.js'
import { fail } from '../errors.js'
import { DisputeClaimInput, ReassignClaimInput, ResolveDisputeInput, RetractClaimInput } from '../inputs.js'
import { resolvePublishedCorrection } from '../published-correction.js'
import { claimTarget, readClaim, readClaimInContext } from './claim-state.js'

/**
 * The source withdrew the claim. It stays in the record, out of the reconciled
 * value: from the date of the source's published correction when one is named,
 * else on every publication date.
 */
export const retractClaim = defineCommand({
  role: 'editor',
  body: RetractClaimInput,
  command: (body, id) => ({ claimId: id, ...body }),
  target: claimTarget,
  state: readClaimInContext,
  decide: ({ claim, source }, { claimId, reason, sourceRevision, effectiveAt }) => {
    if (!claim.doc) return fail.notFound('claim', 'claimId', claimId)
    if (claim.doc.retracted) return fail.invariant('claimId', 'the claim is already retracted')
    if (!source?.doc) return fail.notFound('source', 'sourceId', claim.doc.sourceId)
    const published = resolvePublishedCorrection({ sourceRevision, effectiveAt }, { events: source.events, publishedAt: source.doc.publishedAt })
    if (!published.ok) return published.error
    return { type: 'ClaimRetracted', data: { claimId, reason, ...(published.value ? { publishedCorrection: published.value } : {}) } }
  },
})

/** An editor flags a claim for review; the reconciled value does not change by itself. */
export const disputeClaim = defineCommand({
  role: 'editor',
  body: DisputeClaimInput,
  command: (body, id) => ({ claimId: id, ...body }),
  target: claimTarget,
  state: readClaim,
  decide: ({ claim }, command) => {
    if (!claim.doc) return fail.notFound('claim', 'claimId', command.claimId)
    if (claim.doc.retracted) return fail.invariant('claimId', 'the claim was retracted; there is nothing left to dispute')
    return { type: 'ClaimDisputed', data: command }
  },
})

/** An editor settles an open dispute: upheld takes the claim out of reconciliation, dismissed lets it count again. */
export const resolveDispute = defineCommand({
  role: 'editor',
  body: ResolveDisputeInput,
  command: (body, id) => ({ claimId: id, ...body }),
  target: claimTarget,
  state: readClaim,
  decide: ({ claim }, command) => {
    if (!claim.doc) return fail.notFound('claim', 'claimId', command.claimId)
    const dispute = claim.doc.disputes.find((d) => d.disputeId === command.disputeId)
    if (!dispute) {
      const open = claim.doc.disputes.filter((d) => d.status === 'open').map((d) => d.disputeId)
      return fail.invariant('disputeId', `the claim has no dispute "${command.disputeId}"${open.length ? ` (open: ${open.join(', ')})` : ' (it has no open dispute)'}`)
    }
    if (dispute.status !== 'open') return fail.invariant('disputeId', `that dispute was already ${dispute.status}`)
    return { type: 'ClaimDisputeResolved', data: command }
  },
})

/** The claim was filed under the wrong fact (the "15 security leaders" case). */
export const reassignClaim = defineCommand({
  role: 'editor',
  body: ReassignClaimInput,
  command: (body, id) => ({ claimId: id, ...body }),
  target: claimTarget,
  state: async (read, c) => ({ ...(await readClaim(read, c)), to: await read(streamOf.fact(c.toFactId), evolveFact) }),
  decide: ({ claim, to }, { claimId, toFactId, reason }) => {
    if (!claim.doc) return fail.notFound('claim', 'claimId', claimId)
    if (claim.doc.retracted) return fail.invariant('claimId', 'a retracted claim is not reassigned')
    if (toFactId === claim.doc.factId) return fail.invariant('toFactId', 'the claim is already filed under this fact')
    if (!to.doc) return fail.notFound('fact', 'toFactId', toFactId)
    return { type: 'ClaimReassigned', data: { claimId, fromFactId: claim.doc.factId, toFactId, reason } }
  },
})
