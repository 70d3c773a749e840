import type * as chrono from 'chrono-node'
import { bodyStart, chooseAttribution, cuesFor, type Attribution } from './attribution.js'
import { clauseAt } from './clauses.js'
import { scoreConfidence } from './confidence.js'
import { countedText, findCounted, type Counted } from './counted-noun.js'
import type { DraftClaim, SkippedFigure } from './draft-claim.js'
import type { FigureKind } from './figure-kind.js'
import type { Figure } from './figures.js'
import { readModality } from './modality.js'
import { isReportingBody, resolveStandIn, type SpeakerMemory } from './speaker-memory.js'
import type { Token } from './tokens.js'
import { datesIn, resolveValidTime } from './valid-time.js'

/**
 * One figure of a unit (a sentence, or a clause of a very long one) to a
 * draft: what it counts, who says it, how firmly, when, and how sure the
 * extractor is. Everything read once per unit (tokens, attribution cues,
 * chrono's dates) comes in `unit`; what carries over between figures and
 * sentences comes in `carry`.
 */

export interface Unit {
  /** The whole text, the folded unit text, and where the unit starts in the text. */
  text: string
  folded: string
  start: number
  tokens: Token[]
  /** The unit's figures that are claims (not skipped), in order. */
  claimFigures: Figure[]
  cues: Attribution[]
  isHeading: boolean
  /** Quote as the whole unit; `clause` when it is a clause of a longer sentence. */
  clause: boolean
  /** A unit that picks up the previous sentence ("The group includes ...", "100 of them"). */
  continues: boolean
  publishedAt?: string
  publisher?: string
  dates: (forward: boolean) => chrono.ParsedResult[]
}

export interface Carry {
  previousInSentence: Counted | null
  lastCounted: Counted | null
  /** Head counts drafted so far, latest last (for "100 of them"). */
  wholes: Array<{ counted: Counted; value: number }>
  lastAttributionInSentence: Attribution | null
  /** The attribution of the last draft of the previous sentence, if that sentence had one. */
  previousSentence: Attribution | null
  /** The previous sentence is in the same paragraph (no blank line between). */
  previousInParagraph: boolean
  /** Who the article has named so far ("it said", "the company said"). */
  memory: SpeakerMemory
}

export type FigureOutcome = { draft: Omit<DraftClaim, 'suggestedFact'>; counted: Counted | null; attribution: Attribution } | { skipped: SkippedFigure }

/** Memoized chrono reading of a unit in both directions. */
export function unitDates(folded: string, publishedAt: string | undefined): (forward: boolean) => chrono.ParsedResult[] {
  const cache = new Map<boolean, chrono.ParsedResult[]>()
  return (forward) => {
    if (!cache.has(forward)) cache.set(forward, datesIn(folded, publishedAt, forward))
    return cache.get(forward)!
  }
}

/**
 * The unit with the nearest other claim figures of its clause blanked out,
 * and for a later figure the three words before it: "an estimated 7,500"
 * and "could reach 2,500" qualify those figures, not this one, while a cue
 * before this figure ("plans to add 120 buses and to hire 300 drivers")
 * still reaches it. Same length, so offsets hold.
 */
function maskOtherFigures(unit: Unit, own: Figure, clause: { from: number; to: number }): string {
  const chars = unit.folded.slice(0, clause.to).split('')
  const others = unit.claimFigures.filter((f) => f !== own && f.start - unit.start < clause.to && f.end - unit.start > clause.from).slice(0, 40)
  for (const other of others) {
    const from = other.first > own.first ? unit.tokens[Math.max(other.first - 3, own.last)]!.start - unit.start : other.start - unit.start
    // "the 110,000 forecast by economists": a participle right after a figure qualifies that figure
    const next = unit.tokens[other.last]
    const to = next && /^(?:forecast|estimated|projected|expected|predicted)$/.test(next.lower) ? next.end : other.end
    for (let i = Math.max(from, 0); i < Math.min(to - unit.start, chars.length); i++) chars[i] = ' '
  }
  return chars.join('')
}

/** Where the unit's text proper starts, after a dateline ("DORWICH, March 12 -"), as an offset within it. */
function bodyFrom(unit: Unit): number {
  const first = bodyStart(unit.tokens)
  return first > 0 && unit.tokens[first] ? unit.tokens[first]!.start - unit.start : 0
}

function skip(figure: Figure, reason: string): FigureOutcome {
  return { skipped: { figure: figure.figure, start: figure.start, end: figure.end, reason } }
}

export function draftFigure(unit: Unit, figure: Figure, kind: Exclude<FigureKind, { kind: 'skip' }>, carry: Carry): FigureOutcome {
  const { tokens } = unit
  const counted = findCounted(tokens, figure, { previousInSentence: carry.previousInSentence, wholes: carry.wholes, ...(kind.kind === 'measure' ? { unitWord: kind.word } : {}) })
  if (counted?.singular && counted.how === 'after' && kind.kind === 'count' && figure.quantity.unit === undefined && figure.quantity.stated[0] !== 1) {
    return skip(figure, `a number used as a label or model ("${figure.figure} ${counted.noun}"), not a count`)
  }
  const inCue = unit.cues.find((c) => c.span && figure.first >= c.span.from && figure.first < c.span.to)
  if (inCue) return skip(figure, `part of who said it ("${inCue.attributedTo || inCue.via[0]}"), not a claim`)

  const value = kind.kind === 'measure' ? { ...figure.quantity, unit: kind.unit } : figure.quantity
  const at = figure.start - unit.start
  const clause = clauseAt(unit.folded, at)
  const firstToken = tokens.findIndex((t) => t.start - unit.start >= clause.from)
  const endToken = tokens.findIndex((t) => t.start - unit.start >= clause.to)
  const chosen = chooseAttribution(cuesFor(unit.cues, figure.first), { from: firstToken, to: endToken < 0 ? tokens.length : endToken }, figure.first)
  let attribution: Attribution
  const pronoun = cuesFor(unit.cues, figure.first).find((c) => c.pronoun)
  if (chosen.best) attribution = resolveStandIn(chosen.best, carry.memory, unit.cues)
  else if (carry.lastAttributionInSentence) attribution = { ...carry.lastAttributionInSentence, at: -1 }
  else if (pronoun && carry.memory.lastSpeaker) attribution = { ...carry.memory.lastSpeaker, source: 'carried', at: -1 }
  else if (carry.previousSentence && carry.previousSentence.source !== 'publisher' && (unit.continues || (carry.previousInParagraph && isReportingBody(carry.previousSentence.attributedTo)))) attribution = { ...carry.previousSentence, source: 'carried', at: -1 }
  // "..., according to two people familiar with the deal": with nobody else named, the people are the source.
  else if (chosen.via.length === 1 && /^(?:\w+ )?(?:people|persons|sources|officials|diplomats|aides|insiders)\b/i.test(chosen.via[0]!)) {
    attribution = { attributedTo: chosen.via[0]!, via: [], source: 'according-to', at: -1 }
    chosen.via = []
  } else attribution = { attributedTo: unit.publisher ?? 'the publisher', via: [], source: 'publisher', at: -1 }
  const via = [...new Set([...attribution.via, ...chosen.via])]

  const clauseText = maskOtherFigures(unit, figure, clause)
  const modality = readModality({
    clause: clauseText.slice(clause.from),
    clauseBeforeFigure: clauseText.slice(clause.from, at),
    hedge: value.hedge,
    attributedTo: attribution.attributedTo,
    via,
    source: attribution.source,
    ...(attribution.verb ? { verb: attribution.verb } : {}),
  })
  const planned = modality.modality === 'planned'
  const validTime = resolveValidTime({
    sentence: unit.folded,
    dates: unit.dates,
    bodyFrom: bodyFrom(unit),
    figure: { from: at, to: figure.end - unit.start },
    figures: unit.claimFigures.map((f) => ({ from: f.start - unit.start, to: f.end - unit.start })),
    clause,
    planned,
    ...(unit.publishedAt ? { publishedAt: unit.publishedAt } : {}),
  })
  const { confidence, reasons } = scoreConfidence({
    attribution: attribution.source, counted, precision: validTime.precision, isHeading: unit.isHeading,
    measure: kind.kind === 'measure', clauseQuote: unit.clause,
  })
  const end = unit.start + unit.folded.length
  return {
    counted,
    attribution,
    draft: {
      quote: unit.text.slice(unit.start, end),
      start: unit.start,
      end,
      figure: figure.figure,
      figureStart: figure.start,
      figureEnd: figure.end,
      value,
      attributedTo: attribution.attributedTo.slice(0, 200),
      via: via.map((v) => v.slice(0, 200)).slice(0, 10),
      attribution: attribution.source,
      modality: modality.modality,
      validAt: validTime.validAt,
      validAtText: validTime.text,
      validAtPrecision: validTime.precision,
      counted: counted ? countedText(counted) : null,
      confidence,
      reasons: [`attribution: ${attribution.source}`, modality.reason, validTime.reason, ...reasons],
      alsoAt: [],
    },
  }
}
