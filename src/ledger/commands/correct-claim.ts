import { canonicalize } from '../../store/shared/canonical-json.js'
import { streamOf } from '../../../events/ids.js'
import { evolveClaim } from '../../../projections/evolve-claim.js'
import { evolveSource } from '../../../projections/evolve-source.js'
import { authorize } from '../authorize.js'
import { verifyCitation } from '../citation.js'
import type { CommandContext } from '../context.js'
import type { LedgerDeps } from '../deps.js'
import { fail } from '../errors.js'
import { resolveFigure } from '../figure.js'
import { commandIds } from '../idempotency.js'
import { CorrectClaimInput } from '../inputs.js'
import { loadStream } from '../load-stream.js'
import { parseInput } from '../parse-input.js'
import type { CommandResult } from '../result.js'
import { latestSnapshot } from '../snapshot.js'
import { writeEvent } from '../write-event.js'


/** Our transcription was wrong. The old values stay in the claim's history; views use the new ones. */
export async function correctClaim(deps: LedgerDeps, ctx: CommandContext, claimId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(CorrectClaimInput, input)
  if (!parsed.ok) return parsed
  const { reason, changes: given } = parsed.value
  const { value: figure, citation: citationInput, ...plain } = given

  const value = figure === undefined ? null : resolveFigure(figure, 'changes.value')
  if (value && !value.ok) return value
  const target = await loadStream(deps.store, streamOf.claim(claimId), evolveClaim)
  const source = target.doc ? await loadStream(deps.store, streamOf.source(target.doc.sourceId), evolveSource) : null
  const cited = citationInput && source ? verifyCitation(citationInput, latestSnapshot(source.events), 'changes.citation') : null

  const changes: Record<string, unknown> = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined))
  if (value?.ok) changes.value = value.value
  if (cited?.ok) changes.citation = cited.citation
  const data = { claimId, reason, changes }
  return writeEvent(deps, ctx, target, { type: 'ClaimCorrected', data, eventId: commandIds(ctx).eventId, entityId: claimId }, () => {
    const claim = target.doc
    if (!claim) return fail.notFound('claim', 'claimId', claimId)
    if (claim.retracted) return fail.invariant('claimId', 'the claim was retracted; a retracted claim is not corrected')
    if (cited && !cited.ok) return cited.error
    const current = claim as unknown as Record<string, unknown>
    const unchanged = Object.entries(changes).every(([k, v]) => canonicalize(current[k]) === canonicalize(v))
    if (unchanged) return fail.invariant('changes', 'every field given already has that value; nothing to correct')
    return null
  })
}
