import type { ExplanationStep, FactDoc } from '../model.js'
import { type Candidate, nameClaim } from './candidate.js'
import { clause } from './prose.js'
import type { Exclusion } from './step-types.js'

export interface PinOutcome {
  /** The pinned claim when the pin is in force. */
  pinned: Candidate | null
  steps: ExplanationStep[]
}

/**
 * Step 2: an editor's pin wins, like Wikidata's preferred rank, but only
 * while the pinned claim still stands in this view. A pin on a claim that
 * was retracted, reassigned away or left out by a clock is reported and
 * ignored, never silently applied.
 */
export function applyPin(fact: FactDoc, standing: readonly Candidate[], excluded: readonly Exclusion[]): PinOutcome {
  const pin = fact.pin
  if (!pin) return { pinned: null, steps: [] }
  const pinned = standing.find((c) => c.claim.claimId === pin.claimId)
  if (pinned) {
    const detail = `An editor pinned ${nameClaim(pinned)}: ${clause(pin.reason)}. The pin decides the value.`
    return { pinned, steps: [{ step: 'pinned', detail, claimIds: [pin.claimId] }] }
  }
  const left = excluded.find((e) => e.claimId === pin.claimId)
  const why = left ? `that claim was left out (${clause(left.reason)})` : 'that claim is no longer filed under this fact'
  const detail = `The pin on claim ${pin.claimId} is not in force: ${why}.`
  return { pinned: null, steps: [{ step: 'pinned', detail, claimIds: [pin.claimId] }] }
}
