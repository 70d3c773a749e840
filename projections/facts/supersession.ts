import { intersectAll, sameInterval } from '../../events/quantity/interval.js'
import type { ExplanationStep } from '../model.js'
import { byClaimId, type Candidate, nameClaim, publishedLater } from './candidate.js'
import { parsedDate } from './clock.js'
import { originatorsOf } from './origin.js'

export interface Supersession {
  claim: Candidate
  by: Candidate
  rule: 'same-origin' | 'realized'
  reason: string
}

/** A reprint that differs from what its originating outlet published at the same time. */
export interface ReprintConflict {
  claim: Candidate
  origin: Candidate
  reason: string
}

/** A reprint that gives its origin's figure: it stands or falls with the originating outlet's claims and adds nothing of its own. */
export interface Rider {
  claim: Candidate
  /** The originating outlet's claims of the same time it reprints (most often one). */
  originators: Candidate[]
}

export interface SupersessionOutcome {
  /** The claims that go on to be reconciled: every standing claim but the superseded ones and the reprints. */
  kept: Candidate[]
  superseded: Supersession[]
  /** Reprints whose figure differs from their origin's claim of the same time: conflicts within that origin. */
  reprintConflicts: ReprintConflict[]
  /** Reprints that agree with their origin's claims still in play: they support whatever those claims support. */
  riders: Rider[]
  steps: ExplanationStep[]
}

const realized = new Set(['official', 'reported'])
const provisional = new Set(['planned', 'estimate'])

/**
 * Step 3. A newsroom that reports a figure again has updated itself: its
 * claims published latest supersede its earlier ones (publication time, never
 * the order claims were entered). Among its claims of that latest time the
 * originating outlet stands (its own reporting, no relay chain, stronger
 * tier); a reprint that agrees stands with it, one that differs is a conflict
 * within that origin, never a later report. And a realized figure (official
 * or reported) supersedes a planned or estimated one published before it.
 *
 * A reprint that agrees is a rider: it takes no part in the rest of the
 * reconciliation (its own tier, modality or wording never rank it above
 * another origin's claim), and it stands or falls with the claims it
 * reprints. So a reprint never changes the figure its origin gives.
 */
export function supersede(standing: readonly Candidate[]): SupersessionOutcome {
  const superseded = new Map<string, Supersession>()
  const reprintConflicts: ReprintConflict[] = []
  const riders: Rider[] = []

  const byOrigin = new Map<string, Candidate[]>()
  for (const c of standing) {
    const same = byOrigin.get(c.source.origin)
    if (same) same.push(c)
    else byOrigin.set(c.source.origin, [c])
  }
  for (const claims of byOrigin.values()) {
    const latest = latestOf(claims)
    const originators = originatorsOf(latest)
    const lead = originators.slice().sort(byClaimId)[0]!
    // Sets, not includes(): an origin of a busy fact has hundreds of claims.
    const isLatest = new Set(latest)
    const isOriginator = new Set(originators)
    for (const c of claims) {
      if (isLatest.has(c)) continue
      const reason = `superseded by a later report from the same origin (${originLabel(lead)}): ${nameClaim(lead)}`
      superseded.set(c.claim.claimId, { claim: c, by: lead, rule: 'same-origin', reason })
    }
    const meet = intersectAll(originators.map((o) => o.interval))
    for (const c of latest) {
      if (isOriginator.has(c)) continue
      if (sameInterval(c.interval, meet)) {
        riders.push({ claim: c, originators })
        continue
      }
      // Any other figure, tighter or looser, is not what the origin published: it never changes the origin's value.
      reprintConflicts.push({ claim: c, origin: lead, reason: `differs from the claim its origin published at the same time, ${nameClaim(lead)}` })
    }
  }

  const reprinted = new Set([...reprintConflicts.map((r) => r.claim), ...riders.map((r) => r.claim)])
  const outOfPlay = (c: Candidate) => superseded.has(c.claim.claimId) || reprinted.has(c)
  const realizedClaims = standing.filter((r) => realized.has(r.claim.modality) && !outOfPlay(r))
  // Which realized claim supersedes a provisional one depends only on when the provisional one was published,
  // so it is found once per publication date, not once per claim (a busy fact has hundreds of each).
  const firstLaterBy = new Map<string, Candidate | undefined>()
  for (const c of standing) {
    if (outOfPlay(c) || !provisional.has(c.claim.modality)) continue
    if (!firstLaterBy.has(c.publishedAt)) firstLaterBy.set(c.publishedAt, firstRealizedAfter(realizedClaims, c))
    const by = firstLaterBy.get(c.publishedAt)
    if (!by) continue
    const reason = `${c.claim.modality} figure superseded by a realized figure published later: ${nameClaim(by)}`
    superseded.set(c.claim.claimId, { claim: c, by, rule: 'realized', reason })
  }

  // A reprint whose origin's claims were all superseded goes with them.
  const standingRiders = riders.filter((r) => {
    const gone = r.originators.map((o) => superseded.get(o.claim.claimId))
    if (gone.some((g) => g === undefined)) return true
    const { by, rule } = gone[0]!
    superseded.set(r.claim.claim.claimId, { claim: r.claim, by, rule, reason: `superseded with the claim it reprints, ${nameClaim(r.originators[0]!)}: ${nameClaim(by)}` })
    return false
  })

  const list = [...superseded.values()].sort((a, b) => byClaimId(a.claim, b.claim))
  reprintConflicts.sort((a, b) => byClaimId(a.claim, b.claim))
  const steps = [
    ...supersessionSteps(list),
    ...reprintConflicts.map((r) => ({
      step: 'conflict' as const,
      detail: `${nameClaim(r.claim)} is a reprint that ${r.reason}; the originating outlet's figure stands and the reprint is set aside as a conflict within that origin.`,
      claimIds: [r.claim.claim.claimId, r.origin.claim.claimId],
    })),
  ]
  return { kept: standing.filter((c) => !outOfPlay(c)), superseded: list, reprintConflicts, riders: standingRiders.sort((a, b) => byClaimId(a.claim, b.claim)), steps }
}

/** The first realized claim published after `c` (the earliest; ties by claim id), in the order `realizedClaims` come in. */
function firstRealizedAfter(realizedClaims: readonly Candidate[], c: Candidate): Candidate | undefined {
  const later = realizedClaims.filter((r) => publishedLater(r, c))
  return later.reduce<Candidate | undefined>((first, r) => (!first || publishedLater(first, r) || (!publishedLater(r, first) && byClaimId(r, first) < 0) ? r : first), undefined)
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
          ? `${nameClaim(claim)} is superseded by a later report from the same origin (${originLabel(claim)}): ${nameClaim(by)}.`
          : `The ${claim.claim.modality} figure ${nameClaim(claim)} is superseded by the realized figure ${nameClaim(by)}, published later.`
      return { step: 'superseded', detail, claimIds }
    }
    const modalities = [...new Set(group.map((s) => s.claim.claim.modality))].sort().join(' or ')
    const detail =
      rule === 'same-origin'
        ? `${group.length} earlier reports from the same origin (${originLabel(claim)}) are superseded by its latest: ${nameClaim(by)}.`
        : `${group.length} ${modalities} figures are superseded by the realized figure ${nameClaim(by)}, published later.`
    return { step: 'superseded', detail, claimIds }
  })
}

/**
 * The claims no other claim of the list was published after (publishedLater),
 * in one pass instead of comparing every pair: an origin of a busy fact has
 * hundreds of claims. A bare date compares by day with anything; two
 * timestamps compare exactly.
 */
export function latestOf(claims: readonly Candidate[]): Candidate[] {
  let lastDay = ''
  let lastBareDay = ''
  let lastTimed = Number.NEGATIVE_INFINITY
  for (const c of claims) {
    const date = parsedDate(c.publishedAt)
    if (date.day > lastDay) lastDay = date.day
    if (date.bare && date.day > lastBareDay) lastBareDay = date.day
    if (!date.bare && c.published > lastTimed) lastTimed = c.published
  }
  return claims.filter((c) => {
    const date = parsedDate(c.publishedAt)
    // A bare date is later than c when its day is; so is any claim on a later day when c is bare.
    return date.bare ? date.day >= lastDay : date.day >= lastBareDay && c.published >= lastTimed
  })
}

/** The origin by its outlet's name when known, so a newsroom key is never shown as if it were an outlet. */
function originLabel(c: Candidate): string {
  return c.relays ?? c.source.publisher
}
