import { consistent, type Interval } from '../../events/quantity/interval.js'
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

const intervalKey = (i: Interval): string => `${i.lower}|${i.upper}|${i.lowerInclusive}|${i.upperInclusive}`

/**
 * Each claim's corroboration: how many origins have a standing claim whose
 * figure is consistent with it. Asked once per distinct figure against each
 * origin's distinct figures, stopping at an origin's first match: a busy
 * fact has many claims but few distinct figures, so this stays far below
 * the n² pairs of the plain definition (which the ranking tests check it against).
 */
function corroborations(standing: readonly Candidate[]): number[] {
  const byOrigin = new Map<string, Map<string, Interval>>()
  for (const o of standing) {
    let figures = byOrigin.get(o.source.origin)
    if (!figures) byOrigin.set(o.source.origin, (figures = new Map()))
    figures.set(intervalKey(o.interval), o.interval)
  }
  const known = new Map<string, number>()
  return standing.map((c) => {
    const key = intervalKey(c.interval)
    let count = known.get(key)
    if (count === undefined) {
      count = 0
      for (const figures of byOrigin.values()) {
        for (const figure of figures.values()) {
          if (!consistent(figure, c.interval)) continue
          count++
          break
        }
      }
      known.set(key, count)
    }
    return count
  })
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
  const corroboration = corroborations(standing)
  return standing.map((candidate, i) => ({ candidate, corroboration: corroboration[i]! })).sort(compareRank)
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
