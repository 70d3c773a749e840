import { streamOf } from '../../../events/ids.js'
import { evolveClaim } from '../../../projections/evolve-claim.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
import { authorize } from '../authorize.js'
import type { CommandContext } from '../context.js'
import type { LedgerDeps } from '../deps.js'
import { fail } from '../errors.js'
import { commandIds } from '../idempotency.js'
import { DisputeClaimInput, ReassignClaimInput, RetractClaimInput } from '../inputs.js'
import { loadStream } from '../load-stream.js'
import { parseInput } from '../parse-input.js'
import type { CommandResult } from '../result.js'
import { writeEvent } from '../write-event.js'

/** The source withdrew the claim. It stays in the record, out of the reconciled value. */
export async function retractClaim(deps: LedgerDeps, ctx: CommandContext, claimId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(RetractClaimInput, input)
  if (!parsed.ok) return parsed
  const target = await loadStream(deps.store, streamOf.claim(claimId), evolveClaim)
  const data = { claimId, reason: parsed.value.reason }
  return writeEvent(deps, ctx, target, { type: 'ClaimRetracted', data, eventId: commandIds(ctx).eventId, entityId: claimId }, () => {
    if (!target.doc) return fail.notFound('claim', 'claimId', claimId)
    if (target.doc.retracted) return fail.invariant('claimId', 'the claim is already retracted')
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
