
import type { FactKind } from '../../events/fact-events.js'
import type { KnownFact, SuggestedFact } from './draft-claim.js'

/**
 * Which existing fact a draft most likely belongs to. A fact is a candidate
 * only when three things agree, each a reason an editor can check:
 * - unit: a dollar amount is not a head count, a share is not either;
 * - kind: a share ("%") suits a `percent` fact, a currency an `amount`, a
 *   bare number a `count`;
 * - subject: the words that set the fact's subject apart ("visa
 *   restrictions", "sanctions") occur in the draft's sentence or the
 *   article's opening, so a storm's toll is never offered for a sanctions
 *   fact because both count "people".
 * Among candidates, word overlap ranks them: the counted noun against the
 * fact's question and subject (most weight), the fact's words found in the
 * sentence (some weight), and the date (a fact named by a day suits a draft
 * valid that day). Below the threshold the draft proposes a new fact: a
 * wrong suggestion costs an editor more than none. Every answer carries its
 * reason in words.
 */

export const suggestionThreshold = 0.35

const stopWords = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'for', 'to', 'by', 'and', 'or', 'how', 'many', 'much', 'what', 'was', 'were', 'is', 'are',
  'did', 'does', 'do', 'has', 'have', 'had', 'that', 'this', 'with', 'from', 'as', 'its', 'their', 'it', 'be', 'been', 'who', 'which',
  'said', 'says', 'more', 'than', 'about', 'up', 'total',
])
/** Words too common in fact subjects to tell one subject from another. */
const genericSubjectWords = new Set(['people', 'person', 'number', 'count', 'running', 'figure', 'share', 'rate', 'percent', 'amount', 'value', 'year', 'day', 'month', 'week', 'new', 'current', 'former'])

/** A light stem, enough for "sanctioned" to meet "sanctions" and "allies" to meet "ally". */
function stem(w: string): string {
  if (w.length <= 4) return w
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`
  if (/(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('ed') && w.length > 5) return w.slice(0, -2)
  if (w.endsWith('ing') && w.length > 6) return w.slice(0, -3)
  if (/[^s]s$/.test(w)) return w.slice(0, -1)
  return w
}

/** Lower-case content words, stemmed. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return new Set(words.filter((w) => !stopWords.has(w) && w.length > 1).map(stem))
}

function overlap(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0
  let hits = 0
  for (const w of part) if (whole.has(w)) hits++
  return hits / part.size
}

const currencies = /^[A-Z]{3}$/

/** The kind a draft's unit implies: a share, a currency amount, or a count (measures go with their unit). */
export function kindOfUnit(unit: string | undefined): FactKind | null {
  if (unit === '%') return 'percent'
  if (unit !== undefined && currencies.test(unit)) return 'amount'
  return unit === undefined ? 'count' : null
}

function unitFits(draftUnit: string | undefined, fact: KnownFact): string | null {
  const factIsShare = fact.unit === '%' || fact.kind === 'percent'
  if (draftUnit === '%') return factIsShare ? null : `the draft is a share (%); the fact's unit is ${fact.unit}`
  if (factIsShare) return `the fact is a share (%); the draft is ${draftUnit ?? 'a count'}`
  if (draftUnit === undefined) return currencies.test(fact.unit) ? `the fact is an amount in ${fact.unit}; the draft is a count` : null
  return draftUnit.toLowerCase() === fact.unit.toLowerCase() ? null : `units differ (${draftUnit} vs ${fact.unit})`
}

function kindFits(draftUnit: string | undefined, fact: KnownFact): string | null {
  if (fact.kind === undefined) return null
  const kind = kindOfUnit(draftUnit)
  if (kind === null) return fact.kind === 'count' || fact.kind === 'amount' ? null : `a measurement does not answer a ${fact.kind} fact`
  if (fact.kind === 'date') return 'the fact is a date'
  return kind === fact.kind ? null : `the draft is a ${kind}; the fact is a ${fact.kind}`
}

/** A known fact read once per extraction, not once per draft (a ledger may hold thousands). */
export interface PreparedFact {
  fact: KnownFact
  words: Set<string>
  /** The subject's distinctive words, which must appear near the draft. */
  subjectWords: Set<string>
  dates: string[]
}

export function prepareKnownFacts(knownFacts: readonly KnownFact[]): PreparedFact[] {
  return knownFacts.map((fact) => ({
    fact,
    words: contentWords(`${fact.question} ${fact.subject}`),
    subjectWords: new Set([...contentWords(fact.subject)].filter((w) => !genericSubjectWords.has(w) && !/^\d+$/.test(w))),
    dates: fact.question.match(/\d{4}-\d{2}-\d{2}/g) ?? [],
  }))
}

export function suggestFact(
  draft: { counted: string | null; sentence: string; unit?: string | undefined; validAt: string | null; lead?: string },
  knownFacts: readonly PreparedFact[],
): SuggestedFact {
  if (knownFacts.length === 0) return { new: true, reason: 'no facts are defined yet' }
  const counted = contentWords(draft.counted ?? '')
  const context = contentWords(draft.sentence)
  const around = contentWords(`${draft.sentence} ${draft.lead ?? ''}`)
  let best: { factId: string; score: number; reason: string } | null = null
  let closestMismatch: string | null = null
  for (const { fact, words: factWords, subjectWords, dates: factDates } of knownFacts) {
    const mismatch = unitFits(draft.unit, fact) ?? kindFits(draft.unit, fact)
    const found = [...subjectWords].filter((w) => around.has(w))
    const subjectMissing = subjectWords.size > 0 && found.length * 2 < subjectWords.size
    const countedOverlap = overlap(counted, factWords)
    // A fact named by a date ("sanctioned on 2024-11-27") is about that day: a strong hint for, or against, a draft.
    const dateScore = factDates.length === 0 || draft.validAt === null ? 0 : factDates.includes(draft.validAt) ? 0.3 : -0.3
    const score = Math.round(Math.max(0, Math.min(1, 0.5 * countedOverlap + 0.3 * overlap(factWords, context) + dateScore)) * 1000) / 1000
    if (mismatch || subjectMissing) {
      if (score > 0 && (closestMismatch === null || score > (best?.score ?? 0))) closestMismatch = `${fact.factId}: ${mismatch ?? `its subject (${[...subjectWords].join(', ')}) is not mentioned near the figure`}`
      continue
    }
    if (!best || score > best.score) {
      const what = draft.counted ? `"${draft.counted}"` : 'the figure'
      best = { factId: fact.factId, score, reason: `unit and kind agree (${fact.unit}, ${fact.kind ?? kindOfUnit(draft.unit) ?? 'measure'}); subject words found: ${found.join(', ') || 'none needed'}; ${what} against "${fact.question}"` }
    }
  }
  if (best && best.score >= suggestionThreshold) return best
  const why = best
    ? `the closest fact that agrees in subject, unit and kind (${best.factId}) scores ${best.score}, below ${suggestionThreshold}`
    : `no known fact agrees in subject, unit and kind${closestMismatch ? ` (closest: ${closestMismatch})` : ''}`
  return best ? { new: true, bestScore: best.score, reason: why } : { new: true, reason: why }
}
