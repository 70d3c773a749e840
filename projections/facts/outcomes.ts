import { consistent, type Interval, sameInterval } from '../../events/quantity/interval.js'
import type { ExplanationStep } from '../model.js'
import { type Candidate, idsOf, nameClaim } from './candidate.js'

export interface PinnedOutcome {
  interval: Interval
  supporting: Candidate[]
  conflicting: Candidate[]
  steps: ExplanationStep[]
}

/**
 * Step 2's result: the pinned claim's figure is the value. The other standing
 * claims are sorted into those consistent with it (supporting) and those
 * that disagree (conflicting, each said), so a reader sees what the pin
 * overrides.
 */
export function pinnedOutcome(pinned: Candidate, standing: readonly Candidate[]): PinnedOutcome {
  const others = standing.filter((c) => c !== pinned)
  const supporting = [pinned, ...others.filter((c) => consistent(c.interval, pinned.interval))]
  const conflicting = others.filter((c) => !consistent(c.interval, pinned.interval))
  const steps: ExplanationStep[] = conflicting.map((c) => ({
    step: 'conflict',
    detail: `${nameClaim(c)} disagrees with the pinned figure; the pin decides.`,
    claimIds: [c.claim.claimId],
  }))
  return { interval: pinned.interval, supporting, conflicting, steps }
}

/** Step 4's explanation: how many claims and origins agree, on what, and which claims were less precise. */
export function agreementStep(remaining: readonly Candidate[], meet: Interval, origins: number, display: string): ExplanationStep {
  const claimIds = idsOf(remaining)
  if (remaining.length === 1) {
    return { step: 'intersected', detail: `One claim stands, ${nameClaim(remaining[0]!)}: the value is ${display}, from a single source.`, claimIds }
  }
  const looser = remaining.filter((c) => !sameInterval(c.interval, meet)).map(nameClaim)
  const precision = looser.length > 0 ? ` Less precise but consistent: ${looser.join(', ')}.` : ''
  // Reprints that agree with their origin stand with it, and a disputed claim is not counted: say how many origins count.
  const status =
    origins >= 2
      ? `${origins} independent origins support it: confirmed.`
      : `${origins === 1 ? 'Only one independent origin' : 'No undisputed origin'} counts towards it: single source.`
  return {
    step: 'intersected',
    detail: `${remaining.length} standing claims are consistent; their intervals meet at ${display}.${precision} ${status}`,
    claimIds,
  }
}
