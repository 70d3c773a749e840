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
  for (const c of standing) {
    const same = byOrigin.get(c.source.origin)
    if (same) same.push(c)
    else byOrigin.set(c.source.origin, [c])
  }
  for (const [origin, claims] of byOrigin) {
    const latest = claims.reduce((a, b) => (compareRecency(a, b) >= 0 ? a : b))
    for (const c of claims) {
      if (c === latest) continue
      const reason = `superseded by a later report from the same origin (${origin}): ${nameClaim(latest)}`
      superseded.set(c.claim.claimId, { claim: c, by: latest, rule: 'same-origin', reason })
    }
  }

  // Realized claims oldest first: the one superseding a provisional claim is the first published after it.
  const realizedByRecency = standing.filter((r) => realized.has(r.claim.modality)).sort(compareRecency)
  for (const c of standing) {
    if (superseded.has(c.claim.claimId) || !provisional.has(c.claim.modality)) continue
    const by = firstLaterThan(realizedByRecency, c)
    if (!by) continue
    const reason = `${c.claim.modality} figure superseded by a realized figure published later: ${nameClaim(by)}`
    superseded.set(c.claim.claimId, { claim: c, by, rule: 'realized', reason })
  }

  const list = [...superseded.values()].sort((a, b) => byClaimId(a.claim, b.claim))
  return { kept: standing.filter((c) => !superseded.has(c.claim.claimId)), superseded: list, steps: supersessionSteps(list) }
}

/** The earliest of `sorted` (oldest first) that is more recent than `c`, by binary search. */
function firstLaterThan(sorted: readonly Candidate[], c: Candidate): Candidate | undefined {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compareRecency(sorted[mid]!, c) > 0) high = mid
    else low = mid + 1
  }
  return sorted[low]
}

/**
 * One step per superseding claim and rule, naming each superseded claim when
 * it is the only one. A much-reported fact has hundreds of claims from a few
 * dozen origins; a sentence per superseded claim made its view (and every
 * row of its history) hundreds of kilobytes, while the ids in `claimIds`
 * (superseding claim last) still say exactly which claims each step covers.
 */
function supersessionSteps(list: readonly Supersession[]): ExplanationStep[] {
  const groups = new Map<string, Supersession[]>()
  for (const s of list) {
    const key = `${s.rule} ${s.by.claim.claimId}`
    const group = groups.get(key)
    if (group) group.push(s)
    else groups.set(key, [s])
  }
  return [...groups.values()].map((group) => {
    const { rule, by, claim } = group[0]!
    const claimIds = [...group.map((s) => s.claim.claim.claimId), by.claim.claimId]
    if (group.length === 1) {
      const detail =
        rule === 'same-origin'
          ? `${nameClaim(claim)} is superseded by a later report from the same origin (${claim.source.origin}): ${nameClaim(by)}.`
          : `The ${claim.claim.modality} figure ${nameClaim(claim)} is superseded by the realized figure ${nameClaim(by)}, published later.`
      return { step: 'superseded', detail, claimIds }
    }
    const modalities = [...new Set(group.map((s) => s.claim.claim.modality))].sort().join(' or ')
    const detail =
      rule === 'same-origin'
        ? `${group.length} earlier reports from the same origin (${claim.source.origin}) are superseded by its latest: ${nameClaim(by)}.`
        : `${group.length} ${modalities} figures are superseded by the realized figure ${nameClaim(by)}, published later.`
    return { step: 'superseded', detail, claimIds }
  })
}
