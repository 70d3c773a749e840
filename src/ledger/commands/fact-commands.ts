import { streamOf } from '../../../events/ids.js'
import { evolveClaim } from '../../../projections/evolve-claim.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
import { authorize } from '../authorize.js'
import type { CommandContext } from '../context.js'
import type { LedgerDeps } from '../deps.js'
import { fail } from '../errors.js'
import { commandIds } from '../idempotency.js'
import { DefineFactInput, PinFactInput, UnpinFactInput } from '../inputs.js'
import { loadStream } from '../load-stream.js'
import { parseInput } from '../parse-input.js'
import type { CommandResult } from '../result.js'
import { writeEvent } from '../write-event.js'
import { factUnitFitsKind } from '../value/unit-fits-kind.js'

export async function defineFact(deps: LedgerDeps, ctx: CommandContext, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(DefineFactInput, input)
  if (!parsed.ok) return parsed
  const ids = commandIds(ctx)
  const factId = parsed.value.factId ?? ids.entityId
  const data = { ...parsed.value, factId }
  const target = await loadStream(deps.store, streamOf.fact(factId), evolveFact)
  const parent = data.subsetOf ? await loadStream(deps.store, streamOf.fact(data.subsetOf), evolveFact) : null
  return writeEvent(deps, ctx, target, { type: 'FactDefined', data, eventId: ids.eventId, entityId: factId }, () => {
    if (target.doc) return fail.exists('fact', 'factId', factId)
    if (data.subsetOf === factId) return fail.invariant('subsetOf', 'a fact cannot be a subset of itself')
    const unitProblem = factUnitFitsKind(data.kind, data.unit)
    if (unitProblem) return fail.invalid([{ path: 'unit', message: unitProblem }])
    if (parent && !parent.doc) return fail.notFound('fact', 'subsetOf', data.subsetOf!)
    return null
  })
}

export async function pinFact(deps: LedgerDeps, ctx: CommandContext, factId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(PinFactInput, input)
  if (!parsed.ok) return parsed
  const { claimId, reason } = parsed.value
  const target = await loadStream(deps.store, streamOf.fact(factId), evolveFact)
  const claim = await loadStream(deps.store, streamOf.claim(claimId), evolveClaim)
  const data = { factId, claimId, reason }
  return writeEvent(deps, ctx, target, { type: 'FactPinned', data, eventId: commandIds(ctx).eventId, entityId: factId }, () => {
    if (!target.doc) return fail.notFound('fact', 'factId', factId)
    if (!claim.doc) return fail.notFound('claim', 'claimId', claimId)
    if (claim.doc.factId !== factId) return fail.invariant('claimId', `the claim is filed under "${claim.doc.factId}", not this fact`)
    if (claim.doc.retracted) return fail.invariant('claimId', 'a retracted claim cannot be pinned')
    if (target.doc.pin?.claimId === claimId) return fail.invariant('claimId', 'this claim is already pinned')
    return null
  })
}

export async function unpinFact(deps: LedgerDeps, ctx: CommandContext, factId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(UnpinFactInput, input)
  if (!parsed.ok) return parsed
  const target = await loadStream(deps.store, streamOf.fact(factId), evolveFact)
  const data = { factId, reason: parsed.value.reason }
  return writeEvent(deps, ctx, target, { type: 'FactUnpinned', data, eventId: commandIds(ctx).eventId, entityId: factId }, () => {
    if (!target.doc) return fail.notFound('fact', 'factId', factId)
    if (!target.doc.pin) return fail.invariant('factId', 'the fact has no pin to remove')
    return null
  })
}
