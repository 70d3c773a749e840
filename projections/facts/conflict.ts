import { type Interval, intersect, isEmpty } from '../../events/quantity/interval.js'
import type { ExplanationStep } from '../model.js'
import { type Candidate, nameClaim } from './candidate.js'
import { decidingCriterion, rankClaims, type Ranked } from './ranking.js'

export interface ConflictOutcome {
  winner: Ranked
  /** The value: the winner's interval, narrowed by every claim that fits with it and the better-ranked claims before it. */
  interval: Interval
  supporting: Candidate[]
  /** Ranked best first (the winner first), for choosing the wording of the value. */
  ranked: Candidate[]
  /** Best-ranked first; `criterion` is what the winner beat it on. */
  conflicting: Array<{ candidate: Candidate; reason: string; criterion: string }>
  steps: ExplanationStep[]
}

/**
 * Step 5: the standing claims cannot all be true. Choose by tier, then
 * modality, then corroboration, then recency; walk the rest in that order and
 * keep each claim that is still consistent with what is kept so far (so the
 * value is never narrowed to nothing); every other claim loses, with why.
 * `ranked` is rankClaims(standing) when the caller has it already.
 */
export function resolveConflict(standing: readonly Candidate[], describe: (i: Interval) => string, ranked: readonly Ranked[] = rankClaims(standing)): ConflictOutcome {
  const winner = ranked[0]
  if (!winner) throw new Error('reconcile: a conflict needs at least two standing claims')
  let interval = winner.candidate.interval
  const supporting: Candidate[] = [winner.candidate]
  const losers: Ranked[] = []
  for (const r of ranked.slice(1)) {
    const narrowed = intersect(interval, r.candidate.interval)
    if (isEmpty(narrowed)) losers.push(r)
    else {
      interval = narrowed
      supporting.push(r.candidate)
    }
  }
  const value = describe(interval)
  const conflicting = losers.map((r) => {
    const criterion = decidingCriterion(winner, r)
    return { candidate: r.candidate, criterion, reason: `inconsistent with ${value}; ranks below ${nameClaim(winner.candidate)} by ${criterion}` }
  })
  const steps: ExplanationStep[] = [
    {
      step: 'conflict',
      detail:
        `No single value fits all ${standing.length} standing claims. ` +
        `Chose ${nameClaim(winner.candidate)} (tier ${winner.candidate.source.tier}, ${winner.candidate.claim.modality}, ` +
        `${winner.corroboration} corroborating origin(s)) by tier, then modality, corroboration and recency; the value is ${value}.`,
      claimIds: supporting.map((c) => c.claim.claimId).sort(),
    },
    ...conflicting
      .slice()
      .sort((a, b) => (a.candidate.claim.claimId < b.candidate.claim.claimId ? -1 : 1))
      .map((l) => ({
        step: 'conflict' as const,
        detail: `${nameClaim(l.candidate)} loses: ${l.reason}.`,
        claimIds: [l.candidate.claim.claimId],
      })),
  ]
  return { winner, interval, supporting, ranked: ranked.map((r) => r.candidate), conflicting, steps }
}
