import type { ExplanationStep } from '../model.js'
import { type Candidate, nameClaim } from './candidate.js'

/**
 * Step 1, second half: the claims are already folded with their corrections
 * (the reducer applied them); say so, with what changed and why, so a reader
 * of the view knows the figure is not the one first transcribed.
 */
export function correctionSteps(standing: readonly Candidate[]): ExplanationStep[] {
  const steps: ExplanationStep[] = []
  for (const c of standing) {
    for (const entry of c.claim.lifecycle) {
      if (entry.action !== 'corrected') continue
      const fields = Object.keys(entry.after ?? {}).sort()
      const changes = fields.map((f) => `${f} ${describeField(entry.before?.[f])} -> ${describeField(entry.after?.[f])}`).join('; ')
      steps.push({
        step: 'corrected',
        detail: `Applied a correction to ${nameClaim(c)}: ${changes} (${entry.reason ?? 'no reason given'}).`,
        claimIds: [c.claim.claimId],
      })
    }
  }
  return steps
}

function describeField(value: unknown): string {
  if (value && typeof value === 'object' && 'text' in value) return `"${String((value as { text: unknown }).text)}"`
  if (value && typeof value === 'object' && 'quote' in value) return `"${String((value as { quote: unknown }).quote)}"`
  return JSON.stringify(value) ?? 'nothing'
}
