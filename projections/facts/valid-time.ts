import type { FactDoc } from '../model.js'
import { type Candidate, idsOf } from './candidate.js'
import { instant } from './clock.js'
import type { Exclusion, StepResult } from './step-types.js'

/**
 * Step 0, the valid-time clock. A time-varying fact (a running total, a
 * death toll) has a figure per valid time: claims are grouped by `validAt`,
 * and the view at world time T is the latest group at or before T (the
 * latest group when T is not given). Earlier groups are its history, not a
 * conflict. For any other fact, `validAt` only leaves out claims about a
 * later time than T.
 *
 * It runs on the claims that still stand (after step 1), so a retracted
 * latest figure lets the one before it show.
 */
export function selectValidTime(standing: readonly Candidate[], fact: FactDoc, validAt: string | null): StepResult<Candidate> {
  const limit = validAt === null ? Infinity : instant(validAt, 'end')
  const validFrom = (c: Candidate) => instant(c.claim.validAt)
  const later = standing.filter((c) => validFrom(c) > limit)
  const excluded: Exclusion[] = later.map((c) => ({ claimId: c.claim.claimId, reason: `valid after ${validAt}` }))
  const inTime = standing.filter((c) => validFrom(c) <= limit)

  if (!fact.timeVarying) {
    if (validAt === null) return { kept: [...standing], excluded: [], steps: [] }
    const detail =
      later.length === 0
        ? `Every claim is about a time at or before ${validAt}.`
        : `Left out ${later.length} claim(s) about a time after ${validAt}.`
    return { kept: inTime, excluded, steps: [{ step: 'valid-time', detail, claimIds: idsOf(later) }] }
  }

  const times = [...new Set(inTime.map(validFrom))].sort((a, b) => a - b)
  const at = times.at(-1)
  const when = validAt === null ? 'the latest' : `the latest at or before ${validAt}`
  if (at === undefined) {
    const detail = `Running figure: no claim is about a time at or before ${validAt}.`
    return { kept: [], excluded, steps: [{ step: 'valid-time', detail, claimIds: [] }] }
  }
  const kept = inTime.filter((c) => validFrom(c) === at)
  const label = kept.map((c) => c.claim.validAt).sort()[0]!
  for (const c of inTime) {
    if (validFrom(c) !== at) excluded.push({ claimId: c.claim.claimId, reason: `history: valid at ${c.claim.validAt}, before ${label}` })
  }
  excluded.sort((a, b) => (a.claimId < b.claimId ? -1 : 1))
  const history = times.length > 1 ? ` ${times.length - 1} earlier valid time(s) are its history, not a conflict.` : ''
  const detail = `Running figure: the view is at valid time ${label}, ${when}.${history}`
  return { kept, excluded, steps: [{ step: 'valid-time', detail, claimIds: idsOf(kept) }] }
}
