import type { Candidate } from './candidate.js'

/**
 * Which of one origin's claims come from the originating outlet: its own
 * reporting (the publisher is the origin) before a relay, then no `via`
 * chain before one, then the stronger tier. All claims tied on the best of
 * these are originators; the rest are reprints.
 */
export function originatorsOf(claims: readonly Candidate[]): Candidate[] {
  const rank = (c: Candidate): [number, number, number] => [c.relays === null ? 0 : 1, c.claim.via.length === 0 ? 0 : 1, c.source.tier]
  const best = claims.map(rank).reduce((a, b) => (compareRank(a, b) <= 0 ? a : b))
  return claims.filter((c) => compareRank(rank(c), best) === 0)
}

function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}

/**
 * The outlets behind a single origin's figure, for the summary: the
 * originating outlet(s) first, then who reprinted them.
 * "Wire, reprinted by Paper".
 */
export function creditOutlets(claims: readonly Candidate[]): string {
  const originators = originatorsOf(claims)
  const names = (cs: readonly Candidate[]) => [...new Set(cs.map((c) => c.source.publisher))].sort()
  const first = names(originators)
  const reprinters = names(claims.filter((c) => !originators.includes(c))).filter((n) => !first.includes(n))
  // A relay whose originating outlet is not among the claims still credits that outlet by name.
  const relayed = originators.every((c) => c.relays !== null) ? [...new Set(originators.map((c) => c.relays!))].sort() : []
  const lead = relayed.length > 0 ? `${relayed.join(' and ')}, relayed by ${first.join(' and ')}` : first.join(' and ')
  return reprinters.length > 0 ? `${lead}, reprinted by ${reprinters.join(' and ')}` : lead
}
