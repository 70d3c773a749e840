import { findAttributions, type Attribution } from './attribution.js'
import { analysisUnits } from './clauses.js'
import type { Counted } from './counted-noun.js'
import type { DraftClaim, ExtractInput, ExtractResult, SkippedFigure } from './draft-claim.js'
import { prepareKnownFacts, suggestFact } from './fact-suggestion.js'
import { draftFigure, unitDates, type Carry, type Unit } from './figure-draft.js'
import { classifyFigure } from './figure-kind.js'
import { findFigures } from './figures.js'
import { checkExtractInput } from './input-check.js'
import { mergeRepeats } from './repeats.js'
import { splitSentences } from './sentences.js'
import { emptyMemory, rememberSentence } from './speaker-memory.js'
import { foldForMatching } from './tokens.js'

/**
 * From an article's text to draft claims an editor reviews: every figure
 * that is a count or an amount, with its quote and offsets, its Quantity,
 * who said it and through whom, how firmly (modality), when it was true,
 * what it counts, the known fact it likely belongs to, and a confidence
 * with reasons. Pure: no I/O, nothing recorded. The work is linear in the
 * text: each sentence (or clause of a very long one) is read once.
 */

/** A sentence that picks up the previous one: "The group includes 15 ...", "It also sets aside ...", "100 of them". */
const continuesPrevious = /^(?:it|they|he|she|this|these|those|that|the group|the list|the total|the figure|the number|of those|of them|among them)\b|\b(?:of|among) (?:them|those|whom)\b/i

export function extractDraftClaims(raw: ExtractInput): ExtractResult {
  const checked = checkExtractInput(raw)
  if (!checked.ok) return checked
  const { text, publishedAt, publisher, knownFacts = [] } = checked.input
  const folded = foldForMatching(text)
  const drafts: Array<{ draft: Omit<DraftClaim, 'suggestedFact'>; sentence: string; isHeading: boolean; counted: Counted | null }> = []
  const skipped: SkippedFigure[] = []
  let lastCounted: Counted | null = null
  const wholes: Carry['wholes'] = []
  let previous: { sentence: number; attribution: Attribution; end: number } | null = null
  const memory = emptyMemory()

  splitSentences(text).forEach((sentence, sentenceIndex) => {
    const carry: Carry = {
      previousInSentence: null,
      lastCounted,
      wholes,
      lastAttributionInSentence: null,
      previousSentence: previous?.sentence === sentenceIndex - 1 ? previous.attribution : null,
      previousInParagraph: previous !== null && !/\n\s*\n/.test(text.slice(previous.end, sentence.start)),
      memory,
    }
    const sentenceCues: Attribution[] = []
    let taken: Attribution | null = null
    const continues = continuesPrevious.test(folded.slice(sentence.start, sentence.end))
    for (const span of analysisUnits(folded.slice(sentence.start, sentence.end))) {
      const start = sentence.start + span.from
      const end = sentence.start + span.to
      const tokens = span.clause ? sentence.tokens.filter((t) => t.start >= start && t.end <= end) : sentence.tokens
      const found = findFigures(tokens, text).map((figure) => ({ figure, kind: classifyFigure(tokens, figure, folded) }))
      if (found.length === 0) continue
      const cues = findAttributions(tokens)
      sentenceCues.push(...cues)
      const unitFolded = folded.slice(start, end)
      const unit: Unit = {
        text, folded: unitFolded, start, tokens,
        // Dates and qualifiers are shared out among the figures that are claims, not among years and dates.
        claimFigures: found.filter((f) => f.kind.kind !== 'skip').map((f) => f.figure),
        cues,
        isHeading: sentence.isHeading,
        clause: span.clause,
        continues,
        dates: unitDates(unitFolded, publishedAt),
        ...(publishedAt ? { publishedAt } : {}),
        ...(publisher ? { publisher } : {}),
      }
      for (const { figure, kind } of found) {
        const outcome = kind.kind === 'skip' ? { skipped: { figure: figure.figure, start: figure.start, end: figure.end, reason: kind.reason } } : draftFigure(unit, figure, kind, carry)
        if ('skipped' in outcome) {
          skipped.push(outcome.skipped)
          continue
        }
        drafts.push({ draft: outcome.draft, sentence: sentence.text, isHeading: sentence.isHeading, counted: outcome.counted })
        if (outcome.counted) carry.previousInSentence = carry.lastCounted = lastCounted = outcome.counted
        if (outcome.counted && outcome.draft.value.unit === undefined && outcome.counted.how !== 'unit') wholes.push({ counted: outcome.counted, value: outcome.draft.value.upper ?? outcome.draft.value.stated[0]! })
        if (outcome.attribution.source !== 'publisher') carry.lastAttributionInSentence = outcome.attribution
        previous = { sentence: sentenceIndex, attribution: outcome.attribution, end: sentence.end }
        taken = outcome.attribution
      }
    }
    // A sentence without figures can still name who speaks next ("The department said the fire had grown.").
    rememberSentence(memory, sentenceCues.length > 0 ? sentenceCues : findAttributions(sentence.tokens), taken)
  })

  const merged = mergeRepeats(drafts)
  const facts = prepareKnownFacts(knownFacts)
  // The article's opening names its subject ("Storm kills 12", "US sanctions 21 Maduro allies"): a fact's subject must show there or in the sentence.
  const lead = splitSentences(text).slice(0, 3).map((s) => s.text).join(' ')
  return {
    ok: true,
    drafts: merged.map((d) => ({
      ...d.draft,
      suggestedFact: suggestFact({ counted: d.draft.counted, sentence: d.sentence, unit: d.draft.value.unit, validAt: d.draft.validAt, lead }, facts),
    })),
    skipped,
  }
}
