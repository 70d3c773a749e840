import { chooseAttribution, findAttributions, type Attribution } from './attribution.js'
import { clauseAt, quoteSpan } from './clauses.js'
import { scoreConfidence } from './confidence.js'
import { countedText, findCounted, type Counted } from './counted-noun.js'
import type { DraftClaim, ExtractInput, ExtractResult, SkippedFigure } from './draft-claim.js'
import { prepareKnownFacts, suggestFact } from './fact-suggestion.js'
import { classifyFigure } from './figure-kind.js'
import { findFigures, type Figure } from './figures.js'
import { checkExtractInput } from './input-check.js'
import { readModality } from './modality.js'
import { mergeRepeats } from './repeats.js'
import { splitSentences } from './sentences.js'
import { foldForMatching, tokenize, type Token } from './tokens.js'
import { resolveValidTime } from './valid-time.js'

/**
 * From an article's text to draft claims an editor reviews: every figure
 * that is a count or an amount, with its quote and offsets, its Quantity,
 * who said it and through whom, how firmly (modality), when it was true,
 * what it counts, the known fact it likely belongs to, and a confidence
 * with reasons. Pure: no I/O, nothing recorded.
 */

/** A sentence that picks up the previous one: "The group includes 15 ...", "It also sets aside ...", "100 of them". */
const continuesPrevious = /^(?:it|they|he|she|this|these|those|that|the group|the list|the total|the figure|the number|of those|of them|among them)\b|\b(?:of|among) (?:them|those|whom)\b/i

/**
 * The sentence with every other figure blanked out, and for a later figure
 * the three words before it too: "an estimated 7,500" and "could reach
 * 2,500" qualify those figures, not this one, while a cue before this
 * figure ("plans to add 120 buses and to hire 300 drivers") still reaches
 * it. Same length, so offsets hold.
 */
function maskOtherFigures(sentence: string, offset: number, tokens: Token[], figures: Figure[], own: Figure): string {
  let masked = sentence
  for (const other of figures) {
    if (other === own) continue
    const from = other.first > own.first ? tokens[Math.max(other.first - 3, own.last)]!.start - offset : other.start - offset
    const to = other.end - offset
    masked = masked.slice(0, from) + ' '.repeat(to - from) + masked.slice(to)
  }
  return masked
}

export function extractDraftClaims(raw: ExtractInput): ExtractResult {
  const checked = checkExtractInput(raw)
  if (!checked.ok) return checked
  const { text, publishedAt, publisher, knownFacts = [] } = checked.input
  const folded = foldForMatching(text)
  const drafts: Array<{ draft: Omit<DraftClaim, 'suggestedFact'>; sentence: string; isHeading: boolean; counted: Counted | null }> = []
  const skipped: SkippedFigure[] = []
  let lastCounted: Counted | null = null
  let previous: { sentence: number; attribution: Attribution } | null = null

  splitSentences(text).forEach((sentence, sentenceIndex) => {
    const tokens = tokenize(folded, sentence.start, sentence.end)
    const foldedSentence = folded.slice(sentence.start, sentence.end)
    let previousInSentence: Counted | null = null
    let lastAttribution: Attribution | null = null
    const found = findFigures(tokens, text).map((figure) => ({ figure, kind: classifyFigure(tokens, figure, folded) }))
    // Dates and qualifiers are shared out among the figures that are claims, not among years and dates.
    const sentenceFigures = found.filter((f) => f.kind.kind !== 'skip').map((f) => f.figure)
    for (const { figure, kind } of found) {
      if (kind.kind === 'skip') {
        skipped.push({ figure: figure.figure, start: figure.start, end: figure.end, reason: kind.reason })
        continue
      }
      const counted = findCounted(tokens, figure, { previousInSentence, antecedent: lastCounted, ...(kind.kind === 'measure' ? { unitWord: kind.word } : {}) })
      if (counted?.singular && counted.how === 'after' && kind.kind === 'count' && figure.quantity.unit === undefined && figure.quantity.stated[0] !== 1) {
        skipped.push({ figure: figure.figure, start: figure.start, end: figure.end, reason: `a number used as a label or model ("${figure.figure} ${counted.noun}"), not a count` })
        continue
      }
      const value = kind.kind === 'measure' ? { ...figure.quantity, unit: kind.unit } : figure.quantity
      const at = figure.start - sentence.start
      const clause = clauseAt(foldedSentence, at)
      const clauseTokens = { from: tokens.findIndex((t) => t.start - sentence.start >= clause.from), to: tokens.findIndex((t) => t.start - sentence.start >= clause.to) }
      if (clauseTokens.to < 0) clauseTokens.to = tokens.length
      const cues = findAttributions(tokens, figure.first)
      const inCue = cues.find((c) => c.span && figure.first >= c.span.from && figure.first < c.span.to)
      if (inCue) {
        skipped.push({ figure: figure.figure, start: figure.start, end: figure.end, reason: `part of who said it ("${inCue.attributedTo || inCue.via[0]}"), not a claim` })
        continue
      }
      const chosen = chooseAttribution(cues, clauseTokens)
      let attribution: Attribution
      if (chosen.best) attribution = chosen.best
      else if (lastAttribution) attribution = { ...lastAttribution, at: -1 }
      else if (previous && previous.sentence === sentenceIndex - 1 && previous.attribution.source !== 'publisher' && continuesPrevious.test(foldedSentence)) attribution = { ...previous.attribution, source: 'carried', at: -1 }
      else attribution = { attributedTo: publisher ?? 'the publisher', via: [], source: 'publisher', at: -1 }
      const via = [...new Set([...attribution.via, ...chosen.via])]
      const clauseText = maskOtherFigures(foldedSentence, sentence.start, tokens, sentenceFigures, figure).slice(0, clause.to)
      const modality = readModality({
        clause: clauseText.slice(clause.from),
        clauseBeforeFigure: clauseText.slice(clause.from, at),
        hedge: value.hedge,
        attributedTo: attribution.attributedTo,
        via,
        source: attribution.source,
        ...(attribution.verb ? { verb: attribution.verb } : {}),
      })
      const validTime = resolveValidTime({
        sentence: foldedSentence,
        figure: { from: at, to: figure.end - sentence.start },
        figures: sentenceFigures.map((f) => ({ from: f.start - sentence.start, to: f.end - sentence.start })),
        clause,
        planned: modality.modality === 'planned',
        ...(publishedAt ? { publishedAt } : {}),
      })
      const quote = quoteSpan(foldedSentence, { from: at, to: figure.end - sentence.start })
      const { confidence, reasons } = scoreConfidence({
        attribution: attribution.source, counted, precision: validTime.precision, isHeading: sentence.isHeading,
        measure: kind.kind === 'measure', clauseQuote: quote.clause,
      })
      drafts.push({
        sentence: sentence.text,
        isHeading: sentence.isHeading,
        counted,
        draft: {
          quote: text.slice(sentence.start + quote.from, sentence.start + quote.to),
          start: sentence.start + quote.from,
          end: sentence.start + quote.to,
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
      })
      if (counted) previousInSentence = counted
      if (counted) lastCounted = counted
      if (attribution.source !== 'publisher') lastAttribution = attribution
      previous = { sentence: sentenceIndex, attribution }
    }
  })

  const merged = mergeRepeats(drafts)
  const facts = prepareKnownFacts(knownFacts)
  return {
    ok: true,
    drafts: merged.map((d) => ({
      ...d.draft,
      suggestedFact: suggestFact({ counted: d.draft.counted, sentence: d.sentence, unit: d.draft.value.unit, validAt: d.draft.validAt }, facts),
    })),
    skipped,
  }
}
