import type { ClaimLifecycleEntry, ExplanationStep } from '../model.js'
import { type Candidate, nameClaim } from './candidate.js'
import { dayOf, instant } from './clock.js'
import { clause } from './prose.js'

/** Claim fields as a reader names them. */
const fieldWords: Record<string, string> = {
  value: 'the figure',
  citation: 'the quote',
  attributedTo: 'who said it',
  via: 'the relay chain',
  modality: 'the kind of statement',
  validAt: 'the date it is true for',
  reading: "the editor's reading",
}

/**
 * Step 1, second half: the claims are already folded with their corrections
 * (the reducer applied them); say so, with what changed, why, and on which
 * publication dates it applies, so a reader of the view knows the figure is
 * not the one first transcribed.
 */
export function correctionSteps(standing: readonly Candidate[], knownAt: string | null): ExplanationStep[] {
  const until = knownAt === null ? Infinity : instant(knownAt, 'end')
  const steps: ExplanationStep[] = []
  for (const c of standing) {
    for (const entry of c.claim.lifecycle) {
      if (entry.action !== 'corrected') continue
      const published = entry.publishedCorrection
      if (published && instant(published.effectiveAt) > until) {
        steps.push({
          step: 'corrected',
          detail: `The source's correction of ${nameClaim(c)}, published ${dayOf(published.effectiveAt)}, was not yet public at ${knownAt}: the claim stands as first printed.`,
          claimIds: [c.claim.claimId],
        })
        continue
      }
      const changes = Object.keys(entry.after ?? {})
        .sort()
        .map((f) => `${fieldWords[f] ?? f} changed from ${describeField(entry.before?.[f])} to ${describeField(entry.after?.[f])}`)
        .join('; ')
      steps.push({
        step: 'corrected',
        detail: `Applied a correction to ${nameClaim(c)}: ${changes}. ${whenItApplies(entry)} Reason: ${clause(entry.reason ?? 'none given')}.`,
        claimIds: [c.claim.claimId],
      })
    }
  }
  return steps
}

function whenItApplies(entry: ClaimLifecycleEntry): string {
  const published = entry.publishedCorrection
  if (!published) return 'It fixes our transcription, so it applies on every publication date: the source always said this.'
  const revision = published.sourceRevision !== undefined ? ` in revision ${published.sourceRevision}` : ''
  return `It follows the source's own correction${revision}, so it applies from ${dayOf(published.effectiveAt)} on the publication clock.`
}

function describeField(value: unknown): string {
  if (value === undefined || value === null) return 'none'
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => `"${String(v)}"`).join(' then ')
  if (typeof value === 'object' && 'text' in value) return `"${String((value as { text: unknown }).text)}"`
  if (typeof value === 'object' && 'quote' in value) return `"${String((value as { quote: unknown }).quote)}"`
  if (typeof value === 'object' && 'reason' in value) return `"${String((value as { reason: unknown }).reason)}"`
  return `"${String(value)}"`
}
