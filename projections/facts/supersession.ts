import type { ExplanationStep } from '../model.js'
import { byClaimId, type Candidate, compareRecency, nameClaim } from './candidate.js'

export interface Supersession {
  claim: Candidate
  by: Candidate
  rule: 'same-origin' | 'realized'
  reason: string
}

export interface SupersessionOutcome {
  kept: Candidate[]
  superseded: Supersession[]
  steps: ExplanationStep[]
}

const realized = new Set(['official', 'reported'])
const provisional = new Set(['planned', 'estimate'])

/**
 * Step 3. A newsroom that reports a figure again has updated itself: its
 * latest claim (by publication, ties by ledger position) supersedes its
 * earlier ones. And a realized figure (official or reported) supersedes a
 * planned or estimated one published before it: "close to announcing 15"
 * is overtaken by "16 were sanctioned", it does not contradict it.
 */
export function supersede(standing: readonly Candidate[]): SupersessionOutcome {
  const superseded = new Map<string, Supersession>()

  const byOrigin = new Map<string, Candidate[]>()
  for (const c of standing) byOrigin.set(c.source.origin, [...(byOrigin.get(c.source.origin) ?? []), c])
  for (const [origin, claims] of byOrigin) {
    const latest = claims.reduce((a, b) => (compareRecency(a, b) >= 0 ? a : b))
    for (const c of claims) {
      if (c === latest) continue
      const reason = `superseded by a later report from the same origin (${origin}): ${nameClaim(latest)}`
      superseded.set(c.claim.claimId, { claim: c, by: latest, rule: 'same-origin', reason })
    }
  }

  for (const c of standing) {
    if (superseded.has(c.claim.claimId) || !provisional.has(c.claim.modality)) continue
    const later = standing.filter((r) => realized.has(r.claim.modality) && compareRecency(r, c) > 0)
    if (later.length === 0) continue
    const by = later.reduce((a, b) => (compareRecency(a, b) <= 0 ? a : b))
    const reason = `${c.claim.modality} figure superseded by a realized figure published later: ${nameClaim(by)}`
    superseded.set(c.claim.claimId, { claim: c, by, rule: 'realized', reason })
  }

  const list = [...superseded.values()].sort((a, b) => byClaimId(a.claim, b.claim))
  const steps: ExplanationStep[] = list.map((s) => ({
    step: 'superseded',
    detail:
      s.rule === 'same-origin'
        ? `${nameClaim(s.claim)} is superseded by a later report from the same origin (${s.claim.source.origin}): ${nameClaim(s.by)}.`
        : `The ${s.claim.claim.modality} figure ${nameClaim(s.claim)} is superseded by the realized figure ${nameClaim(s.by)}, published later.`,
    claimIds: [s.claim.claim.claimId, s.by.claim.claimId],
  }))
  return { kept: standing.filter((c) => !superseded.has(c.claim.claimId)), superseded: list, steps }
}
