import { type Candidate, nameClaim } from './candidate.js'
import { dayOf, instant } from './clock.js'
import { clause } from './prose.js'
import type { Exclusion, StepResult } from './step-types.js'

/**
 * Step 1 (and the publication clock): leave out what the record does not
 * stand behind. A claim whose words were published after `knownAt` was not
 * yet public (a quote found only in a revision is public from that
 * revision); a retracted claim, a claim of a retracted source, or a claim
 * whose dispute an editor upheld no longer stands. A source retraction dated
 * after `knownAt` was not yet public either. A retraction that follows the
 * source's published correction has already been undone for an earlier
 * `knownAt` (see known-at.ts); any other retraction, our corrections and our
 * disputes apply at every `knownAt`.
 * Claims reassigned away never reach this step: the caller passes only the
 * claims filed under the fact now.
 */
export function dropClaims(candidates: readonly Candidate[], knownAt: string | null): StepResult<Candidate> {
  const knownUntil = knownAt === null ? null : instant(knownAt, 'end')
  const kept: Candidate[] = []
  const excluded: Exclusion[] = []
  const steps: StepResult<Candidate>['steps'] = []
  for (const c of candidates) {
    const reason = reasonToDrop(c, knownAt, knownUntil)
    if (!reason) {
      kept.push(c)
      continue
    }
    excluded.push({ claimId: c.claim.claimId, reason })
    steps.push({ step: 'dropped', detail: `Left out ${nameClaim(c)}: ${clause(reason)}.`, claimIds: [c.claim.claimId] })
  }
  return { kept, excluded, steps }
}

function reasonToDrop(c: Candidate, knownAt: string | null, knownUntil: number | null): string | null {
  if (knownUntil !== null && c.published > knownUntil) {
    return c.revision !== null ? `its words were first published in revision ${c.revision} on ${dayOf(c.publishedAt)}, after ${knownAt}` : `published after ${knownAt}`
  }
  if (c.claim.retracted) {
    const published = c.claim.retracted.publishedCorrection
    const when = published ? ` (the source's correction of ${dayOf(published.effectiveAt)})` : ''
    return `retracted${when}: ${clause(c.claim.retracted.reason)}`
  }
  const retraction = c.source.retracted
  if (retraction && (knownUntil === null || instant(retraction.at) <= knownUntil)) {
    return `its source was retracted on ${dayOf(retraction.at)}: ${clause(retraction.reason)}`
  }
  const upheld = c.claim.disputes.find((d) => d.status === 'upheld')
  if (upheld) return `an editor upheld a dispute (${clause(upheld.reason)}): ${clause(upheld.resolution?.reason ?? '')}`
  return null
}
