import { canonicalize } from '../../store/shared/canonical-json.js'
import { verifyCitation } from '../citation.js'
import { defineCommand } from '../command.js'
import { fail } from '../errors.js'
import { resolveFigure } from '../figure.js'
import { CorrectClaimInput } from '../inputs.js'
import { resolvePublishedCorrection } from '../published-correction.js'
import { snapshotVersions } from '../snapshot.js'
import { checkClaimValue } from '../value/claim-value-check.js'
import { claimTarget, readClaimInContext } from './claim-state.js'

/**
 * Our transcription was wrong (or, with a published correction named, the
 * source corrected itself). The old values stay in the claim's history; views
 * use the new ones. The corrected claim meets the same rules as a new one:
 * its value is printed in its quote, or is an editor's reading.
 */
export const correctClaim = defineCommand({
  role: 'editor',
  body: CorrectClaimInput,
  command: (body, id) => ({ claimId: id, ...body }),
  target: claimTarget,
  state: readClaimInContext,
  decide: ({ claim, source, fact }, { claimId, reason, changes: given, sourceRevision, effectiveAt }) => {
    const { value: figure, citation: citationInput, ...plain } = given
    const value = figure === undefined ? null : resolveFigure(figure, 'changes.value')
    if (value && !value.ok) return value.error
    if (!claim.doc) return fail.notFound('claim', 'claimId', claimId)
    if (claim.doc.retracted) return fail.invariant('claimId', 'the claim was retracted; a retracted claim is not corrected')
    if (!source?.doc) return fail.notFound('source', 'sourceId', claim.doc.sourceId)
    const cited = citationInput ? verifyCitation(citationInput, snapshotVersions(source.events), 'changes.citation') : null
    if (cited && !cited.ok) return cited.error
    const published = resolvePublishedCorrection({ sourceRevision, effectiveAt }, { events: source.events, publishedAt: source.doc.publishedAt })
    if (!published.ok) return published.error

    const changes: Record<string, unknown> = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined))
    if (value) changes.value = value.value
    if (cited) changes.citation = cited.citation
    const current = claim.doc as unknown as Record<string, unknown>
    if (Object.entries(changes).every(([k, v]) => canonicalize(current[k]) === canonicalize(v))) {
      return fail.invariant('changes', 'every field given already has that value; nothing to correct')
    }
    if (!fact?.doc) return fail.notFound('fact', 'factId', claim.doc.factId)
    const after = {
      value: value ? value.value : claim.doc.value,
      quote: cited ? cited.citation.quote : claim.doc.citation.quote,
      reading: changes.reading !== undefined ? (changes.reading as { reason: string } | null) : claim.doc.reading,
    }
    const problem = checkClaimValue(after, fact.doc, { value: 'changes.value', structured: figure !== undefined && typeof figure !== 'string' })
    if (problem) return problem
    return { type: 'ClaimCorrected', data: { claimId, reason, changes, ...(published.value ? { publishedCorrection: published.value } : {}) } }
  },
})
