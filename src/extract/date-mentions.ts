import * as chrono from 'chrono-node'
import type { ValidAtPrecision } from './draft-claim.js'

/**
 * The points in time a sentence names, each already resolved to the day a
 * figure near it would be valid at (see valid-time.ts for which one a
 * figure takes). chrono-node reads most of them against the publication
 * date; a few shapes news uses for figures it does not read are added:
 * a reporting quarter ("in the fourth quarter" is the latest such quarter
 * before publication, dated to its last day), and a week ("last week" is
 * dated to its Monday, as a month alone is dated to its first day).
 */

export interface DateMention {
  /** Offsets within the sentence. */
  index: number
  end: number
  text: string
  validAt: string
  precision: ValidAtPrecision
  /** How it was resolved, for the reason shown to the editor. */
  note: string
  /** The date names an event ("Sunday's vote", "the July 28 election"): it dates only figures of that event. */
  event?: boolean
}

/** Words that name a point in time; chrono also reads spans ("for 40 years", "the month after"), which date nothing. */
const dateWords = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:1[89]|20)\d\d\b|\d{1,2}\/\d{1,2}|\bago\b|\byesterday\b|\btoday\b|\btonight\b|\b(?:last|this|next) (?:week|month|year)\b|\bend of (?:the|this|next) (?:week|month|year)\b/i
const eventAfter = /^(?:'s|’s)?\s*(?:[\w-]+\s+){0,2}(?:election|elections|vote|poll|primary|summit|meeting|deadline|report|speech|briefing|ceremony|inauguration|referendum)\b|^(?:'s|’s)/i

export const isoDay = (d: Date) => d.toISOString().slice(0, 10)

export function referenceDate(publishedAt: string | undefined): Date | null {
  return publishedAt ? new Date(publishedAt.length === 10 ? `${publishedAt}T12:00:00Z` : publishedAt) : null
}

/** The dates chrono reads in a sentence, once per sentence and direction (a plan looks forward). */
export function datesIn(sentence: string, publishedAt: string | undefined, forward: boolean): chrono.ParsedResult[] {
  return chrono.parse(sentence, { instant: referenceDate(publishedAt) ?? new Date(Date.UTC(2000, 0, 1)), timezone: 'UTC' }, { forwardDate: forward })
}

function precisionOf(result: chrono.ParsedResult): ValidAtPrecision {
  const c = result.start
  if (c.isCertain('day') || c.isCertain('weekday') || /\b(?:ago|yesterday|today|tonight|week)\b/i.test(result.text)) return 'day'
  if (c.isCertain('month')) return 'month'
  return c.isCertain('year') ? 'year' : 'day'
}

function dayOf(date: Date, precision: ValidAtPrecision): string {
  if (precision === 'month') return `${isoDay(date).slice(0, 7)}-01`
  if (precision === 'year') return `${date.getUTCFullYear()}-01-01`
  return isoDay(date)
}

/**
 * chrono's reading as a mention, or null when it dates nothing: a span
 * ("the month after"), an event's name ("the July 28 election"), or a day
 * without a year when there is no publication date. A realized figure
 * cannot lie after publication: a weekday or month that chrono resolves
 * forward ("on Sunday" in Friday's paper) means the one before. A date
 * that names an event is marked as such.
 */
export function chronoMention(r: chrono.ParsedResult, sentence: string, published: Date | null, lookingForward: boolean): DateMention | null {
  if (!dateWords.test(r.text)) return null
  if (!published && !r.start.isCertain('year')) return null
  const text = r.text.trim()
  const precision = precisionOf(r)
  const date = r.start.date()
  let note = precision === 'month' ? ' (month only: dated to its first day)' : precision === 'year' ? ' (year only)' : ''
  if (/\b(?:last|next) week\b/i.test(text)) {
    // A week, like a month, is dated to its first day (Monday).
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
    note = ' (week: dated to its Monday)'
  }
  let validAt = dayOf(date, precision)
  if (published && !lookingForward && validAt > isoDay(published) && !r.start.isCertain('year')) {
    const back = r.start.date()
    if (r.start.isCertain('weekday') && !r.start.isCertain('day')) back.setUTCDate(back.getUTCDate() - 7)
    else back.setUTCFullYear(back.getUTCFullYear() - 1)
    validAt = dayOf(back, precision)
    note += ' (the one before publication)'
  }
  const event = eventAfter.test(sentence.slice(r.index + r.text.length))
  return { index: r.index, end: r.index + r.text.length, text, validAt, precision, note, ...(event ? { event } : {}) }
}

const quarterNames: Record<string, number> = { first: 1, '1st': 1, q1: 1, second: 2, '2nd': 2, q2: 2, third: 3, '3rd': 3, q3: 3, fourth: 4, '4th': 4, q4: 4 }
const quarterEnd = (year: number, q: number) => new Date(Date.UTC(year, q * 3, 0))

/** "in the fourth quarter", "for the second quarter", "in the quarter": the latest such quarter to end before publication. */
export function quarterMentions(sentence: string, published: Date | null): DateMention[] {
  if (!published) return []
  const found: DateMention[] = []
  for (const m of sentence.matchAll(/\b(?:the|its) (?:(first|second|third|fourth|1st|2nd|3rd|4th|q[1-4]) )?(?:fiscal |financial )?quarter\b/gi)) {
    const named = m[1] ? quarterNames[m[1].toLowerCase()]! : null
    let year = published.getUTCFullYear()
    let q = named ?? Math.floor(published.getUTCMonth() / 3) // the quarter before the current one, 0 meaning last year's fourth
    if (q === 0) {
      q = 4
      year--
    }
    if (quarterEnd(year, q) > published) year--
    found.push({ index: m.index!, end: m.index! + m[0].length, text: m[0], validAt: isoDay(quarterEnd(year, q)), precision: 'day', note: ' (a quarter: dated to its last day)' })
  }
  return found
}

/** "in 2013": chrono reads no bare year, and a year is all some sentences give. */
export function bareYears(sentence: string): DateMention[] {
  return [...sentence.matchAll(/\b(?:in|during|by) ((?:1[89]|20)\d\d)\b(?!\s*(?:election|vote))/g)].map((m) => ({
    index: m.index!, end: m.index! + m[0].length, text: m[0], validAt: `${m[1]}-01-01`, precision: 'year' as const, note: ' (year only)',
  }))
}

const unitDays: Record<string, number> = { day: 1, week: 7 }

/**
 * "a year earlier", "a week earlier", "the same week last year": a time
 * stated relative to the figure it is compared with, shifted from that
 * figure's date.
 */
export function relativeShift(segment: string): { text: string; shift: (validAt: string) => string } | null {
  const m = /\b(a|one|two|three|\d+) (year|month|week|day)s? (?:earlier|before)\b|\bthe same (?:week|month|period|quarter|day|time) (last|a) year\b/i.exec(segment)
  if (!m) return null
  const count = m[3] ? 1 : /^\d+$/.test(m[1]!) ? Number(m[1]) : ({ a: 1, one: 1, two: 2, three: 3 } as Record<string, number>)[m[1]!.toLowerCase()]!
  const unit = m[3] ? 'year' : m[2]!.toLowerCase()
  return {
    text: m[0],
    shift: (validAt) => {
      const d = new Date(`${validAt}T00:00:00Z`)
      if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() - count)
      else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - count)
      else d.setUTCDate(d.getUTCDate() - count * unitDays[unit]!)
      return isoDay(d)
    },
  }
}
