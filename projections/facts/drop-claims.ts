import { type Candidate, nameClaim } from './candidate.js'
import { dayOf, instant } from './clock.js'
import type { Exclusion, StepResult } from './step-types.js'

/**
 * Step 1 (and the publication clock): leave out what the record does not
 * stand behind. A claim published after `knownAt` was not yet public; a
 * retracted claim, or a claim of a retracted source, no longer stands. A
 * source retraction dated after `knownAt` was not yet public either, so the
 * claim still stood then. (Claim retractions carry no publication date, and
 * corrections fix our transcription, so both apply at every `knownAt`.)
 * Claims reassigned away never reach this step: the caller passes only the
 * claims filed under the fact now.
 */
export function dropClaims(candidates: readonly Candidate[], knownAt: string | null): StepResult<Candidate> {
  const knownUntil = knownAt === null ? null : instant(knownAt, 'end')
  const kept: Candidate[] = []
  const excluded: Exclusion[] = []
  for (const c of candidates) {
    const reason = reasonToDrop(c, knownAt, knownUntil)
    if (reason) excluded.push({ claimId: c.claim.claimId, reason })
    else kept.push(c)
  }
  const steps = candidates
    .filter((c) => excluded.some((e) => e.claimId === c.claim.claimId))
    .map((c) => ({
      step: 'dropped' as const,
      detail: `Left out ${nameClaim(c)}: ${excluded.find((e) => e.claimId === c.claim.claimId)!.reason}.`,
      claimIds: [c.claim.claimId],
    }))
  return { kept, excluded, steps }
}

function reasonToDrop(c: Candidate, knownAt: string | null, knownUntil: number | null): string | null {
  if (knownUntil !== null && c.published > knownUntil) return `published after ${knownAt}`
  if (c.claim.retracted) return `retracted: ${c.claim.retracted.reason}`
  const retraction = c.source.retracted
  if (retraction && (knownUntil === null || instant(retraction.at) <= knownUntil)) {
    return `its source was retracted on ${dayOf(retraction.at)}: ${retraction.reason}`
  }
  return null
}
