import type { ExplanationStep } from '../model.js'
import { type Candidate, idsOf, nameClaim } from './candidate.js'
import type { Rider } from './supersession.js'

/** Past this many, a step counts the reprints instead of naming each (the ids are in `claimIds`). */
const namedAtMost = 3

/**
 * Reprints that agree with their origin stand or fall with the claims they
 * reprint: they support the value when one of those claims does, and lose
 * with them otherwise. They never decide anything themselves.
 */
export function placeRiders(riders: readonly Rider[], supporting: readonly Candidate[]): { standing: Candidate[]; falling: Candidate[]; steps: ExplanationStep[] } {
  const standing = riders.filter((r) => r.originators.some((o) => supporting.includes(o)))
  const falling = riders.filter((r) => !standing.includes(r))
  const steps: ExplanationStep[] = []
  if (standing.length > 0) {
    const own = standing.length === 1 ? 'adds no report of its own' : 'add no report of their own'
    steps.push({ step: 'intersected', detail: `${said(standing, 'stands with', 'stand with')}, and ${own}.`, claimIds: idsOf(standing.map((r) => r.claim)) })
  }
  if (falling.length > 0) steps.push({ step: 'conflict', detail: `${said(falling, 'loses with', 'lose with')}.`, claimIds: idsOf(falling.map((r) => r.claim)) })
  return { standing: standing.map((r) => r.claim), falling: falling.map((r) => r.claim), steps }
}

/** "The reprint X stands with the claim it reprints, Y" or, for several, "The reprints X and Z stand with the claims they reprint". */
function said(riders: readonly Rider[], one: string, many: string): string {
  if (riders.length === 1) {
    const [r] = riders
    return `The reprint ${nameClaim(r!.claim)} ${one} the claim it reprints, ${nameClaim(r!.originators[0]!)}`
  }
  const names = riders.length > namedAtMost ? `${riders.length} reprints` : `The reprints ${riders.slice(0, -1).map((r) => nameClaim(r.claim)).join(', ')} and ${nameClaim(riders.at(-1)!.claim)}`
  return `${names} ${many} the claims they reprint`
}
