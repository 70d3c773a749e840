import { streamOf } from '../../../events/ids.js'
import { evolveClaim } from '../../../projections/evolve-claim.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
import { authorize } from '../authorize.js'
import type { CommandContext } from '../context.js'
import type { LedgerDeps } from '../deps.js'
import { fail } from '../errors.js'
import { commandIds } from '../idempotency.js'
import { DisputeClaimInput, ReassignClaimInput, ResolveDisputeInput, RetractClaimInput } from '../inputs.js'
import { loadStream } from '../load-stream.js'
import { parseInput } from '../parse-input.js'
import type { CommandResult } from '../result.js'
import { writeEvent } from '../write-event.js'
import { evolveSource } from '../../../projections/evolve-source.js'
import { resolvePublishedCorrection } from '../published-correction.js'

/**
 * The source withdrew the claim. It stays in the record, out of the reconciled
 * value: from the date of the source's published correction when one is named,
 * else on every publication date.
 */
export async function retractClaim(deps: LedgerDeps, ctx: CommandContext, claimId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(RetractClaimInput, input)
  if (!parsed.ok) return parsed
  const { reason, sourceRevision, effectiveAt } = parsed.value
  const target = await loadStream(deps.store, streamOf.claim(claimId), evolveClaim)
  const source = target.doc ? await loadStream(deps.store, streamOf.source(target.doc.sourceId), evolveSource) : null
  const published = source?.doc ? resolvePublishedCorrection({ sourceRevision, effectiveAt }, { events: source.events, publishedAt: source.doc.publishedAt }) : null
  const data = { claimId, reason, ...(published?.ok && published.value ? { publishedCorrection: published.value } : {}) }
  return writeEvent(deps, ctx, target, { type: 'ClaimRetracted', data, eventId: commandIds(ctx).eventId, entityId: claimId }, () => {
    if (!target.doc) return fail.notFound('claim', 'claimId', claimId)
    if (target.doc.retracted) return fail.invariant('claimId', 'the claim is already retracted')
    if (published && !published.ok) return published.error
    return null
  })
}

/** An editor flags a claim for review; the reconciled value does not change by itself. */
export async function disputeClaim(deps: LedgerDeps, ctx: CommandContext, claimId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(DisputeClaimInput, input)
  if (!parsed.ok) return parsed
  const target = await loadStream(deps.store, streamOf.claim(claimId), evolveClaim)
  const data = { claimId, reason: parsed.value.reason }
  return writeEvent(deps, ctx, target, { type: 'ClaimDisputed', data, eventId: commandIds(ctx).eventId, entityId: claimId }, () => {
    if (!target.doc) return fail.notFound('claim', 'claimId', claimId)
    if (target.doc.retracted) return fail.invariant('claimId', 'the claim was retracted; there is nothing left to dispute')
    return null
  })
}

/** An editor settles an open dispute: upheld takes the claim out of reconciliation, dismissed lets it count again. */
export async function resolveDispute(deps: LedgerDeps, ctx: CommandContext, claimId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(ResolveDisputeInput, input)
  if (!parsed.ok) return parsed
  const target = await loadStream(deps.store, streamOf.claim(claimId), evolveClaim)
  const data = { claimId, ...parsed.value }
  return writeEvent(deps, ctx, target, { type: 'ClaimDisputeResolved', data, eventId: commandIds(ctx).eventId, entityId: claimId }, () => {
    if (!target.doc) return fail.notFound('claim', 'claimId', claimId)
    const dispute = target.doc.disputes.find((d) => d.disputeId === data.disputeId)
    if (!dispute) {
      const open = target.doc.disputes.filter((d) => d.status === 'open').map((d) => d.disputeId)
      return fail.invariant('disputeId', `the claim has no dispute "${data.disputeId}"${open.length ? ` (open: ${open.join(', ')})` : ' (it has no open dispute)'}`)
    }
    if (dispute.status !== 'open') return fail.invariant('disputeId', `that dispute was already ${dispute.status}`)
    return null
  })
}

/** The claim was filed under the wrong fact (the "15 security leaders" case). */
export async function reassignClaim(deps: LedgerDeps, ctx: CommandContext, claimId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(ReassignClaimInput, input)
  if (!parsed.ok) return parsed
  const { toFactId, reason } = parsed.value
  const [target, to] = await Promise.all([
    loadStream(deps.store, streamOf.claim(claimId), evolveClaim),
    loadStream(deps.store, streamOf.fact(toFactId), evolveFact),
  ])
  const data = { claimId, fromFactId: target.doc?.factId ?? '', toFactId, reason }
  return writeEvent(deps, ctx, target, { type: 'ClaimReassigned', data, eventId: commandIds(ctx).eventId, entityId: claimId }, () => {
    if (!target.doc) return fail.notFound('claim', 'claimId', claimId)
    if (target.doc.retracted) return fail.invariant('claimId', 'a retracted claim is not reassigned')
    if (toFactId === target.doc.factId) return fail.invariant('toFactId', 'the claim is already filed under this fact')
    if (!to.doc) return fail.notFound('fact', 'toFactId', toFactId)
    return null
  })
}
