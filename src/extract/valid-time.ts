import type * as chrono from 'chrono-node'
import { bareYears, chronoMention, type DateMention, isoDay, quarterMentions, referenceDate, relativeShift } from './date-mentions.js'
import type { ValidAtPrecision } from './draft-claim.js'

export { datesIn } from './date-mentions.js'

/**
 * When the figure was true in the world, from the date words near it,
 * resolved against the publication date (see date-mentions.ts). Rules on
 * top of the dates, each for a reason:
 * - a date that names an event ("the July 28 election") or starts a span
 *   ("since July 31, 2017") does not date the figure: a running total
 *   "since 2017" is valid when published; a dateline ("DORWICH, March 12 -")
 *   dates the article, not its figures; "than in 2022" dates the
 *   comparison, and a relative clause's date ("who made his debut in
 *   2019") dates only what is in it;
 * - a figure compared with ("up from 31 on Wednesday", "from $402 million
 *   a year earlier") has the dates of its own comparison phrase, shifted
 *   from the figure it is compared with when they are relative; those
 *   dates are not the other figures';
 * - "as of April 10" beats any other date; otherwise the date nearest the
 *   figure in its clause, then in its sentence;
 * - a realized figure cannot lie after publication ("when policymakers
 *   meet next week" does not date today's rate); a planned figure is dated
 *   by when it is to happen ("by Sunday", "from January"), or failing that
 *   by when it was announced ("said on Saturday that the state will
 *   release"); "could reach 4.5 percent by December" looks forward too;
 * - with no publication date, only dates that carry their own year count.
 */

export interface ValidTime {
  validAt: string | null
  text: string | null
  precision: ValidAtPrecision
  reason: string
}

interface Span {
  from: number
  to: number
}

export interface ValidTimeInput {
  sentence: string
  /** chrono's readings of the sentence, backward (realized) or forward (planned), computed once per sentence. */
  dates: (forward: boolean) => chrono.ParsedResult[]
  /** Offsets within the sentence: this figure, and every claim figure of the sentence (this one included). */
  figure: Span
  figures: ReadonlyArray<Span>
  clause: Span
  /** Where the sentence proper starts, after a dateline. */
  bodyFrom: number
  publishedAt?: string
  planned: boolean
}

/** Words that open the phrase of a figure something is compared with. */
const comparisonLead = /(?:\b(?:up|down) from|\bfrom|\bcompared (?:with|to)|\bthan|\bversus)\s+(?:(?:the|a|an)\s+)?$/i
const projection = /\b(?:could|would|will|may|might|expects?|expected|projected|forecast|predicts?)\b/i

/** The comparison phrase of a figure ("up from 5.9 hours in October"): from its lead word to the next comma or figure. */
function comparisonSpan(sentence: string, f: Span, figures: ReadonlyArray<Span>): Span | null {
  const lead = comparisonLead.exec(sentence.slice(0, f.from))
  if (!lead) return null
  const nextFigure = figures.filter((o) => o.from > f.from).map((o) => o.from)
  const comma = sentence.slice(f.to).search(/[,;]|\b(?:starting|beginning|effective|from|by|until)\b/)
  return { from: lead.index, to: Math.min(comma < 0 ? sentence.length : f.to + comma, ...nextFigure) }
}

const inside = (m: { index: number }, s: Span) => m.index >= s.from && m.index < s.to

/** Relative clauses set off by commas, as spans: ", who came through Vasto's academy and made his debut in 2019,". */
function relativeClauses(sentence: string): Span[] {
  return [...sentence.matchAll(/,\s+(?:who|which|whose)\s[^,;]*?(?=,)/g)].map((m) => ({ from: m.index!, to: m.index! + m[0].length }))
}

function mentions(input: ValidTimeInput, published: Date | null, forward: boolean): DateMention[] {
  const { sentence } = input
  const read = input.dates(forward).map((r) => chronoMention(r, sentence, published, forward)).filter((m): m is DateMention => m !== null)
  const relatives = relativeClauses(sentence).filter((r) => !(input.figure.from >= r.from && input.figure.from < r.to))
  const years = bareYears(sentence).filter((y) => !read.some((m) => y.index < m.end && m.index < y.end))
  return [...read, ...quarterMentions(sentence, published), ...years].filter(
    (m) => m.index >= input.bodyFrom && !/\bthan\s+(?:in\s+)?$/i.test(sentence.slice(0, m.index)) && !changeBaseline.test(sentence.slice(0, m.index)) && !relatives.some((r) => inside(m, r)),
  )
}

function dated(m: DateMention, how = ''): ValidTime {
  return { validAt: m.validAt, text: m.text, precision: m.precision, reason: `dated by "${m.text}"${m.note}${how}` }
}

/** "up 3.6% from the previous census in 2015": the date of a change's baseline is not the figure's ("by 6% from September" is). */
const changeBaseline = /\d\s*(?:%|percent|per cent)\s+(?:from|on|over|compared (?:with|to))\s+(?:the|a|an|its|their)\s[^,;\d]*$/i

export function resolveValidTime(input: ValidTimeInput): ValidTime {
  const { sentence, figure } = input
  const published = referenceDate(input.publishedAt)
  const fallback: ValidTime = published
    ? { validAt: isoDay(published), text: null, precision: 'publication', reason: 'no date near the figure: dated to the publication' }
    : { validAt: null, text: null, precision: 'unknown', reason: 'no date near the figure and no publication date: the editor must date it' }
  // A date closes the phrase before it: "add 120 buses by 2027 and hire 300 drivers" dates the buses.
  const gap = (m: DateMention, f: Span) => (m.index >= f.to ? m.index - f.to : Math.max(0, f.from - m.end) + (/\b(?:and|but|while)\b|[,;]/.test(sentence.slice(m.end, f.from)) ? 40 : 0))
  const byGap = (f: Span) => (a: DateMention, b: DateMention) => gap(a, f) - gap(b, f)

  const byDeadline = (m: DateMention) => /^by\b/i.test(m.text) || /\bby\s+$/i.test(sentence.slice(0, m.index))
  // "could reach 4.5 percent by December": a projection's deadline is read forward, like a plan's.
  const lookAhead = !input.planned && projection.test(sentence.slice(input.clause.from, input.clause.to))
  const forwardByIndex = lookAhead ? new Map(mentions(input, published, true).map((m) => [m.index, m])) : new Map<number, DateMention>()
  const all = mentions(input, published, input.planned).map((m) => (byDeadline(m) ? forwardByIndex.get(m.index) ?? m : m))

  const comparisons = new Map(input.figures.map((f) => [f, comparisonSpan(sentence, f, input.figures)]))
  const own = comparisonSpan(sentence, figure, input.figures)
  if (own) {
    const relative = relativeShift(sentence.slice(own.from, own.to))
    const main = input.figures.filter((f) => f.to <= own.from && !comparisons.get(f)).pop()
    if (relative && main) {
      const base = resolveValidTime({ ...input, figure: main })
      if (base.validAt) return { validAt: relative.shift(base.validAt), text: relative.text, precision: base.precision === 'publication' ? 'day' : base.precision, reason: `dated "${relative.text}" from the figure it is compared with (${base.validAt})` }
    }
    const mine = all.filter((m) => inside(m, own)).sort(byGap(figure))[0]
    if (mine) return dated(mine, ' (the date of the comparison)')
  }
  // Dates inside another figure's comparison phrase are that figure's.
  const others = [...comparisons.entries()].filter(([f, s]) => s && f.from !== figure.from).map(([, s]) => s!)
  const opensSpan = (m: DateMention) => {
    const lead = sentence.slice(0, m.index)
    if (/\bsince\b/i.test(lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';')) + 1))) return true
    // "from January", "starting in January": when a plan takes effect, but only the start of a realized span.
    return !input.planned && /\b(?:from|until|begins|began|starting|starts)\s+(?:in\s+)?(?:the\s+)?$/i.test(lead)
  }
  const candidates = all.filter((m) => !m.event && !others.some((s) => inside(m, s)))
  // "Turnout in Sunday's vote reached 71 percent": a figure of the event its clause opens with is dated by it.
  const ofEvent = all.find((m) => m.event && m.index < figure.from && inside(m, input.clause) && !/\b(?:since|before|after|ahead of)\s+(?:the\s+)?$/i.test(sentence.slice(0, m.index)))
  const since = candidates.find(opensSpan)
  let usable = candidates.filter((m) => !opensSpan(m))
  // A realized figure was true by publication: a date after it ("next week") is about something else.
  if (published && !input.planned) usable = usable.filter((m) => m.validAt <= isoDay(published) || byDeadline(m))
  if (input.planned) {
    const ahead = usable.filter((m) => m.index >= figure.to)
    // Without a date for when it is to happen, the plan is dated by when it was announced (read backward: it was said already).
    // A start date before the figure ("cut the tax from January, at a cost of ...") is still when it is to happen.
    const starts = usable.filter((m) => m.index < figure.from && /\b(?:from|starting|beginning|effective)\s+(?:in\s+)?$/i.test(sentence.slice(0, m.index)) && inside(m, input.clause))
    const announced = mentions(input, published, false).filter((m) => m.index < figure.from && !others.some((s) => inside(m, s)) && !opensSpan(m))
    usable = ahead.length > 0 ? ahead : starts.length > 0 ? starts : announced
  }
  const asOf = usable.find((m) => /\bas of\s+$/i.test(sentence.slice(0, m.index)))
  const claimFigures = input.figures.filter((f) => !comparisons.get(f) || f.from === figure.from)
  // Each date belongs to the figure it stands nearest to ("killed 12 on Monday and 30 on Tuesday").
  const owned = usable.filter((m) => claimFigures.every((f) => gap(m, figure) <= gap(m, f)))
  // A later figure of the clause shares an earlier figure's date when nothing else dates it ("fell 18 percent in October ..., to 131 cases").
  // ... and an earlier figure shares the date closing the phrase both stand in: "rose 3% to $4.5 billion in the quarter".
  const sharedAhead = (m: DateMention) => m.index >= figure.to && !/[,;]|\b(?:and|but|while)\b/.test(sentence.slice(figure.to, m.index))
  const shared = usable.filter((m) => (m.index < figure.from && claimFigures.some((f) => f.to <= m.index && gap(m, f) < gap(m, figure))) || sharedAhead(m))
  const inClause = (ms: DateMention[]) => ms.filter((m) => inside(m, input.clause))
  // Otherwise the date of the statement: "the county health department said Monday".
  const statement = usable.find((m) => /\b(?:said|says|announced|reported|told reporters)\s+(?:on\s+)?$/i.test(sentence.slice(0, m.index)))
  const betweenEnd = usable.find((m) => /\band\s+$/i.test(sentence.slice(0, m.index)) && usable.some((o) => o.index < m.index && /\bbetween\s+$/i.test(sentence.slice(0, o.index))))
  const sinceInClause = since !== undefined && inside(since, input.clause)
  const pool = inClause(owned).length > 0 ? inClause(owned) : inClause(shared).length > 0 ? inClause(shared) : sinceInClause ? [] : owned
  const nearest = [...pool].sort(byGap(figure))[0]
  const chosen = asOf ?? betweenEnd ?? nearest ?? (sinceInClause ? undefined : statement ?? ofEvent)
  if (!chosen) {
    if (since && published) return { ...fallback, reason: `counted "${since.text}" onward: valid when published` }
    return fallback
  }
  if (/^(?:this (?:week|month|year))$/i.test(chosen.text) && published) {
    return { validAt: isoDay(published), text: chosen.text, precision: 'publication', reason: `"${chosen.text}": the period of publication` }
  }
  return dated(chosen)
}
