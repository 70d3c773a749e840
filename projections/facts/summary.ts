import { type Interval, sameInterval } from '../../events/quantity/interval.js'
import type { Candidate } from './candidate.js'
import { displayQuantity, type DisplayOptions } from './display.js'
import { creditOutlets } from './origin.js'
import { clause, nameKey } from './prose.js'
import type { Supersession } from './supersession.js'

export interface SummaryInput {
  display: string
  interval: Interval
  supporting: readonly Candidate[]
  /** Reprints standing with the supporting claims: credited as reprinters, never counted. */
  reprints: readonly Candidate[]
  superseded: readonly Supersession[]
  conflicting: number
  /** For a conflict: the criterion the winner beat the first loser on ("tier (1 vs 3)"). */
  decidedBy?: string | undefined
  pinReason?: string | undefined
  displayOptions: DisplayOptions
}

/** A claim with an open dispute still shows, but does not count towards confirmation. */
export const undisputed = (c: Candidate): boolean => !c.claim.disputes.some((d) => d.status === 'open')

const realized = new Set(['official', 'reported'])
const unrealizedWords: Record<string, string> = { planned: 'a plan, not yet realized', estimate: 'an estimate', allegation: 'an allegation' }
const distinct = (xs: readonly string[]) => [...new Set(xs)].sort()

/** A newsroom's own reporting names no one else: "2,400 were arrested", not "2,400 per the interior ministry". */
function ownReporting(c: Candidate): boolean {
  const who = nameKey(c.claim.attributedTo)
  return who === nameKey(c.source.publisher) || who === nameKey(c.source.origin)
}

/**
 * One line for people: the value, whose figure it is, how many independent
 * outlets stand behind it, and what was set aside.
 * "21 per U.S. Treasury, reported by 3 independent outlets";
 * "more than 2,400, consistent across 2 outlets";
 * "16 (single source: Associated Press; planned 15 superseded by a realized figure)".
 */
export function summarize(s: SummaryInput): string {
  // The attribution that matters is of the claims that state the value itself, not of a looser "more than 20".
  const stating = s.supporting.filter((c) => sameInterval(c.interval, s.interval))
  const named = (stating.length > 0 ? stating : s.supporting).filter((c) => !ownReporting(c))
  const per = named.length > 0 ? ` per ${distinct(named.map((c) => c.claim.attributedTo)).join(' and ')}` : ''
  const counted = s.supporting.filter(undisputed)
  const origins = distinct(counted.map((c) => c.source.origin)).length
  const disputed = s.supporting.length - counted.length
  const notes: string[] = []

  let line = `${s.display}${per}`
  if (s.pinReason !== undefined) notes.push(`pinned by an editor: ${clause(s.pinReason)}`)
  else if (origins >= 2) line += per ? `, reported by ${origins} independent outlets` : `, consistent across ${origins} outlets`
  else if (origins === 1) notes.push(`single source: ${creditOutlets([...counted, ...s.reprints.filter((r) => counted.some((c) => c.source.origin === r.source.origin))])}`)
  else notes.push('no undisputed source')
  if (disputed > 0) notes.push(`${disputed} disputed claim${disputed === 1 ? '' : 's'} not counted`)

  const modalities = distinct(s.supporting.map((c) => c.claim.modality))
  if (!modalities.some((m) => realized.has(m))) notes.push(modalities.map((m) => unrealizedWords[m] ?? m).join(' and '))
  const replaced = s.superseded.filter((x) => x.rule === 'realized')
  if (replaced.length > 0) {
    const what = replaced.map((x) => `${x.claim.claim.modality} ${displayQuantity(x.claim.claim.value, s.displayOptions)}`)
    notes.push(`${what.join(', ')} superseded by ${replaced.length === 1 ? 'a realized figure' : 'realized figures'}`)
  }
  if (s.conflicting > 0) {
    notes.push(`${s.conflicting} conflicting claim${s.conflicting === 1 ? '' : 's'} set aside${s.decidedBy ? `, decided by ${s.decidedBy}` : ''}`)
  }
  return notes.length > 0 ? `${line} (${notes.join('; ')})` : line
}
