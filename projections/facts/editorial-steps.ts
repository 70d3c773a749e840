import type { ExplanationStep, FactView } from '../model.js'
import { type Candidate, nameClaim } from './candidate.js'
import { clause } from './prose.js'

/**
 * What editors said about the standing claims, said in the view: a figure
 * that is an editor's reading of the quote rather than words it prints, and
 * an open dispute (the claim still shows, but does not count towards
 * `confirmed` until the dispute is resolved).
 */
export function editorialSteps(standing: readonly Candidate[]): ExplanationStep[] {
  const steps: ExplanationStep[] = []
  for (const c of standing) {
    if (c.claim.reading) {
      steps.push({
        step: 'reading',
        detail: `The figure of ${nameClaim(c)} is an editor's reading of the quote, not words it prints: ${clause(c.claim.reading.reason)}.`,
        claimIds: [c.claim.claimId],
      })
    }
    const open = c.claim.disputes.filter((d) => d.status === 'open')
    if (open.length > 0) {
      const reasons = open.map((d) => `"${clause(d.reason)}"`).join('; ')
      steps.push({
        step: 'disputed',
        detail: `${nameClaim(c)} is disputed by an editor (${reasons}); it does not count towards confirmation until the dispute is resolved.`,
        claimIds: [c.claim.claimId],
      })
    }
  }
  return steps
}

/** The open disputes on the fact's claims that still stand in the record (not retracted): how many, and why. */
export function openDisputes(candidates: readonly Candidate[]): FactView['disputes'] {
  const open = candidates.filter((c) => !c.claim.retracted).flatMap((c) => c.claim.disputes.filter((d) => d.status === 'open'))
  return { open: open.length, reasons: open.map((d) => d.reason) }
}
