import type { ExplanationStep } from '../model.js'

/** A claim left out before reconciling, and why (ends up in FactView.excluded). */
export interface Exclusion {
  claimId: string
  reason: string
}

/** What each step of the policy hands on: the claims still standing, plus what it left out and said. */
export interface StepResult<C> {
  kept: C[]
  excluded: Exclusion[]
  steps: ExplanationStep[]
}
