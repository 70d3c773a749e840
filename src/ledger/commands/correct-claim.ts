import { canonicalize } from '../../store/shared/canonical-json.js'
import { streamOf } from '../../../events/ids.js'
import { evolveClaim } from '../../../projections/evolve-claim.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
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
import { resolvePublishedCorrection } from '../published-correction.js'
import { snapshotVersions } from '../snapshot.js'
import { checkClaimValue } from '../value/claim-value-check.js'
import { writeEvent } from '../write-event.js'


/**
 * Our transcription was wrong (or, with a published correction named, the
 * source corrected itself). The old values stay in the claim's history; views
 * use the new ones. The corrected claim meets the same rules as a new one:
 * its value is printed in its quote, or is an editor's reading.
 */
export async function correctClaim(deps: LedgerDeps, ctx: CommandContext, claimId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(CorrectClaimInput, input)
  if (!parsed.ok) return parsed
  const { reason, changes: given, sourceRevision, effectiveAt } = parsed.value
  const { value: figure, citation: citationInput, ...plain } = given

  const value = figure === undefined ? null : resolveFigure(figure, 'changes.value')
  if (value && !value.ok) return value
  const target = await loadStream(deps.store, streamOf.claim(claimId), evolveClaim)
  const source = target.doc ? await loadStream(deps.store, streamOf.source(target.doc.sourceId), evolveSource) : null
  const fact = target.doc ? await loadStream(deps.store, streamOf.fact(target.doc.factId), evolveFact) : null
  const cited = citationInput && source ? verifyCitation(citationInput, snapshotVersions(source.events), 'changes.citation') : null
  const published = source?.doc ? resolvePublishedCorrection({ sourceRevision, effectiveAt }, { events: source.events, publishedAt: source.doc.publishedAt }) : null

  const changes: Record<string, unknown> = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined))
  if (value?.ok) changes.value = value.value
  if (cited?.ok) changes.citation = cited.citation
  const data = { claimId, reason, changes, ...(published?.ok && published.value ? { publishedCorrection: published.value } : {}) }
  return writeEvent(deps, ctx, target, { type: 'ClaimCorrected', data, eventId: commandIds(ctx).eventId, entityId: claimId }, () => {
    const claim = target.doc
    if (!claim) return fail.notFound('claim', 'claimId', claimId)
    if (claim.retracted) return fail.invariant('claimId', 'the claim was retracted; a retracted claim is not corrected')
    if (cited && !cited.ok) return cited.error
    if (published && !published.ok) return published.error
    const current = claim as unknown as Record<string, unknown>
    const unchanged = Object.entries(changes).every(([k, v]) => canonicalize(current[k]) === canonicalize(v))
    if (unchanged) return fail.invariant('changes', 'every field given already has that value; nothing to correct')
    if (!fact?.doc) return fail.notFound('fact', 'factId', claim.factId)
    const after = {
      value: value?.ok ? value.value : claim.value,
      quote: cited?.ok ? cited.citation.quote : claim.citation.quote,
      reading: changes.reading !== undefined ? (changes.reading as { reason: string } | null) : claim.reading,
    }
    return checkClaimValue(after, fact.doc, { value: 'changes.value', structured: figure !== undefined && typeof figure !== 'string' })
  })
}
