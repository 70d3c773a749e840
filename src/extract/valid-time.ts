import * as chrono from 'chrono-node'
import type { ValidAtPrecision } from './draft-claim.js'

/**
 * When the figure was true in the world, from the date words near it,
 * resolved by chrono-node against the publication date. Rules on top of
 * chrono, each for a reason:
 * - a date that names an event ("the July 28 election", "Wednesday's
 *   report") or starts a span ("since July 31, 2017") does not date the
 *   figure: a running total "since 2017" is valid when published;
 * - "as of April 10" beats any other date; otherwise the date nearest the
 *   figure in its clause, then in its sentence;
 * - a realized figure cannot lie after publication: a weekday that chrono
 *   resolves forward ("on Sunday" in Friday's paper) means the one before;
 *   a planned figure looks forward ("by Sunday");
 * - a month or year alone is dated to its first day, with its precision
 *   said, so a reviewer knows the day is not known;
 * - with no publication date, only dates that carry their own year count.
 */

export interface ValidTime {
  validAt: string | null
  text: string | null
  precision: ValidAtPrecision
  reason: string
}

/** Words that name a point in time; chrono also reads spans ("for 40 years", "the month after"), which date nothing. */
const dateWords = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:1[89]|20)\d\d\b|\d{1,2}\/\d{1,2}|\bago\b|\byesterday\b|\btoday\b|\btonight\b|\b(?:last|this|next) (?:week|month|year)\b|\bend of (?:the|this|next) (?:week|month|year)\b/i
const eventAfter = /^(?:'s|’s)?\s*(?:[\w-]+\s+){0,2}(?:election|elections|vote|poll|primary|summit|meeting|deadline|report|speech|briefing|ceremony|inauguration|referendum)\b|^(?:'s|’s)/i

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

function precisionOf(result: chrono.ParsedResult): ValidAtPrecision {
  const c = result.start
  if (c.isCertain('day') || c.isCertain('weekday') || /\b(?:ago|yesterday|today|tonight|week)\b/i.test(result.text)) return 'day'
  if (c.isCertain('month')) return 'month'
  return c.isCertain('year') ? 'year' : 'day'
}

function dayOf(result: chrono.ParsedResult, precision: ValidAtPrecision): string {
  const d = result.start.date()
  if (precision === 'month') return `${isoDay(d).slice(0, 7)}-01`
  if (precision === 'year') return `${d.getUTCFullYear()}-01-01`
  return isoDay(d)
}

/** "in 2013": chrono reads no bare year, and a year is all some sentences give. */
function bareYear(sentence: string, figureAt: number): { index: number; text: string; year: string } | null {
  let best: { index: number; text: string; year: string } | null = null
  for (const m of sentence.matchAll(/\b(?:in|during|by) ((?:1[89]|20)\d\d)\b(?!\s*(?:election|vote))/g)) {
    if (!best || Math.abs(m.index! - figureAt) < Math.abs(best.index - figureAt)) best = { index: m.index!, text: m[0], year: m[1]! }
  }
  return best
}

/** The dates chrono reads in a sentence, once per sentence and direction (a plan looks forward). */
export function datesIn(sentence: string, publishedAt: string | undefined, forward: boolean): chrono.ParsedResult[] {
  return chrono.parse(sentence, { instant: referenceDate(publishedAt) ?? new Date(Date.UTC(2000, 0, 1)), timezone: 'UTC' }, { forwardDate: forward })
}

function referenceDate(publishedAt: string | undefined): Date | null {
  return publishedAt ? new Date(publishedAt.length === 10 ? `${publishedAt}T12:00:00Z` : publishedAt) : null
}

export function resolveValidTime(input: {
  sentence: string
  /** datesIn(sentence, publishedAt, planned), computed once per sentence. */
  dates: chrono.ParsedResult[]
  /** Offsets within the sentence: this figure, and every figure of the sentence (this one included). */
  figure: { from: number; to: number }
  figures: ReadonlyArray<{ from: number; to: number }>
  clause: { from: number; to: number }
  publishedAt?: string
  planned: boolean
}): ValidTime {
  const figureAt = input.figure.from
  const published = referenceDate(input.publishedAt)
  const fallback: ValidTime = published
    ? { validAt: isoDay(published), text: null, precision: 'publication', reason: 'no date near the figure: dated to the publication' }
    : { validAt: null, text: null, precision: 'unknown', reason: 'no date near the figure and no publication date: the editor must date it' }
  const candidates = input.dates.filter((r) => {
    if (!dateWords.test(r.text)) return false // "the month after", "next two years": spans, not dates
    if (eventAfter.test(input.sentence.slice(r.index + r.text.length))) return false
    if (!published && !r.start.isCertain('year')) return false
    return true
  })
  const opensSpan = (r: chrono.ParsedResult) => {
    const lead = input.sentence.slice(0, r.index)
    const sinceClause = lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';')) + 1)
    return /\bsince\b/i.test(sinceClause) || /\b(?:from|until|begins|began|starting|starts)\s+(?:the\s+)?$/i.test(lead)
  }
  const since = candidates.find(opensSpan)
  // A planned figure is dated by when it is to happen ("by Sunday"), said after it; a date before it dates the announcement.
  const usable = candidates.filter((r) => !opensSpan(r) && (!input.planned || r.index >= input.figure.to))
  const asOf = usable.find((r) => /\bas of\s+$/i.test(input.sentence.slice(0, r.index)))
  const gap = (r: chrono.ParsedResult, f: { from: number; to: number }) => (r.index >= f.to ? r.index - f.to : Math.max(0, f.from - (r.index + r.text.length)))
  // Each date belongs to the figure it stands nearest to ("42 ..., up from 31 on Wednesday").
  const owned = usable.filter((r) => input.figures.every((f) => gap(r, input.figure) <= gap(r, f)))
  const inClause = owned.filter((r) => r.index >= input.clause.from && r.index < input.clause.to)
  // Otherwise the date of the statement: "the county health department said Monday".
  const statement = usable.find((r) => /\b(?:said|says|announced|reported|told reporters)\s+(?:on\s+)?$/i.test(input.sentence.slice(0, r.index)))
  const betweenEnd = usable.find((r) => /\band\s+$/i.test(input.sentence.slice(0, r.index)) && usable.some((o) => o.index < r.index && /\bbetween\s+$/i.test(input.sentence.slice(0, o.index))))
  const nearest = [...(inClause.length > 0 ? inClause : owned)].sort((a, b) => gap(a, input.figure) - gap(b, input.figure))[0]
  const chosen = asOf ?? betweenEnd ?? nearest ?? statement
  if (!chosen) {
    const year = bareYear(input.sentence, figureAt)
    if (year) return { validAt: `${year.year}-01-01`, text: year.text, precision: 'year', reason: `dated by "${year.text}" (year only)` }
    if (since && published) return { ...fallback, reason: `counted "${since.text.trim()}" onward: valid when published` }
    return fallback
  }
  if (/^(?:this (?:week|month|year))$/i.test(chosen.text.trim()) && published) {
    return { validAt: isoDay(published), text: chosen.text.trim(), precision: 'publication', reason: `"${chosen.text.trim()}": the period of publication` }
  }
  const precision = precisionOf(chosen)
  let validAt = dayOf(chosen, precision)
  let note = ''
  if (published && !input.planned && validAt > isoDay(published) && !chosen.start.isCertain('year')) {
    // chrono picked the nearest such day or month; a realized figure happened before publication.
    const back = chosen.start.date()
    if (chosen.start.isCertain('weekday') && !chosen.start.isCertain('day')) back.setUTCDate(back.getUTCDate() - 7)
    else back.setUTCFullYear(back.getUTCFullYear() - 1)
    validAt = precision === 'month' ? `${isoDay(back).slice(0, 7)}-01` : isoDay(back)
    note = ' (the one before publication)'
  }
  const how = precision === 'month' ? ' (month only: dated to its first day)' : precision === 'year' ? ' (year only)' : ''
  return { validAt, text: chosen.text.trim(), precision, reason: `dated by "${chosen.text.trim()}"${how}${note}` }
}
