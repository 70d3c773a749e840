import { consistent } from '../../events/quantity/interval.js'
import type { Modality } from '../../events/claim-events.js'
import { type Candidate, compareRecency } from './candidate.js'
import { dayOf } from './clock.js'

/** Official figures first, allegations last. */
export const modalityRank: Record<Modality, number> = { official: 0, reported: 1, estimate: 2, planned: 3, allegation: 4 }

export interface Ranked {
  candidate: Candidate
  /** Independent origins among the standing claims whose figure is consistent with this one (its own included). */
  corroboration: number
}

function corroborationOf(c: Candidate, standing: readonly Candidate[]): number {
  return new Set(standing.filter((o) => consistent(o.interval, c.interval)).map((o) => o.source.origin)).size
}

/** Negative when `a` ranks above `b`: better tier, then modality, then corroboration, then recency. */
function compareRank(a: Ranked, b: Ranked): number {
  const x = a.candidate
  const y = b.candidate
  if (x.source.tier !== y.source.tier) return x.source.tier - y.source.tier
  if (x.claim.modality !== y.claim.modality) return modalityRank[x.claim.modality] - modalityRank[y.claim.modality]
  if (a.corroboration !== b.corroboration) return b.corroboration - a.corroboration
  return compareRecency(y, x)
}

/**
 * Step 5's order of preference, best first. Also used to choose whose words
 * describe an agreed value. Total: recency ends in ledger position and claim
 * id, so the order never depends on the order claims were passed in.
 */
export function rankClaims(standing: readonly Candidate[]): Ranked[] {
  // Corroboration depends only on the interval: counted once per distinct figure, not once per claim
  // (a fact with thousands of claims has a handful of figures; pairwise it took seconds).
  const byInterval = new Map<string, number>()
  const corroboration = (candidate: Candidate) => {
    const { lower, upper, lowerInclusive, upperInclusive } = candidate.interval
    const key = `${lower}|${upper}|${lowerInclusive}|${upperInclusive}`
    let count = byInterval.get(key)
    if (count === undefined) byInterval.set(key, (count = corroborationOf(candidate, standing)))
    return count
  }
  return standing.map((candidate) => ({ candidate, corroboration: corroboration(candidate) })).sort(compareRank)
}

/** The first criterion on which `winner` ranks above `loser`, in words ("tier (1 vs 3)"). */
export function decidingCriterion(winner: Ranked, loser: Ranked): string {
  const w = winner.candidate
  const l = loser.candidate
  if (w.source.tier !== l.source.tier) return `tier (${w.source.tier} vs ${l.source.tier})`
  if (w.claim.modality !== l.claim.modality) return `modality (${w.claim.modality} vs ${l.claim.modality})`
  if (winner.corroboration !== loser.corroboration) {
    return `corroboration (${winner.corroboration} origin(s) vs ${loser.corroboration})`
  }
  if (w.published !== l.published) {
    return `recency (published ${dayOf(w.source.publishedAt)} vs ${dayOf(l.source.publishedAt)})`
  }
  return 'recency (recorded later in the ledger)'
}
