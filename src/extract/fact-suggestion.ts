import type { KnownFact, SuggestedFact } from './draft-claim.js'

/**
 * Which existing fact a draft most likely belongs to, by word overlap: the
 * counted noun against the fact's question and subject (most weight), the
 * fact's words found in the sentence (some weight), the unit (a dollar
 * amount is not a head count) and the date (a fact named by a day, "the
 * 2024-11-27 round", suits a draft valid that day and not one valid on
 * another). Below the threshold the draft proposes a new fact: a wrong
 * suggestion costs an editor more than none. Word overlap cannot tell a
 * round from a running total when both use the same words; the score says
 * how sure it is, and the editor decides.
 */

export const suggestionThreshold = 0.35

const stopWords = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'for', 'to', 'by', 'and', 'or', 'how', 'many', 'much', 'what', 'was', 'were', 'is', 'are',
  'did', 'does', 'do', 'has', 'have', 'had', 'that', 'this', 'with', 'from', 'as', 'its', 'their', 'it', 'be', 'been', 'who', 'which',
  'said', 'says', 'more', 'than', 'about', 'up', 'total',
])

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

function unitFits(draftUnit: string | undefined, factUnit: string): boolean {
  if (draftUnit === undefined) return !/^[A-Z]{3}$/.test(factUnit) // a bare number is not a currency amount
  return draftUnit.toLowerCase() === factUnit.toLowerCase()
}

/** A known fact read once per extraction, not once per draft (a ledger may hold thousands). */
export interface PreparedFact {
  fact: KnownFact
  words: Set<string>
  dates: string[]
}

export function prepareKnownFacts(knownFacts: readonly KnownFact[]): PreparedFact[] {
  return knownFacts.map((fact) => ({
    fact,
    words: contentWords(`${fact.question} ${fact.subject}`),
    dates: fact.question.match(/\d{4}-\d{2}-\d{2}/g) ?? [],
  }))
}

export function suggestFact(
  draft: { counted: string | null; sentence: string; unit?: string; validAt: string | null },
  knownFacts: readonly PreparedFact[],
): SuggestedFact {
  if (knownFacts.length === 0) return { new: true }
  const counted = contentWords(draft.counted ?? '')
  const context = contentWords(draft.sentence)
  let best: { factId: string; score: number } | null = null
  for (const { fact, words: factWords, dates: factDates } of knownFacts) {
    if (!unitFits(draft.unit, fact.unit)) continue
    // A fact named by a date ("sanctioned on 2024-11-27") is about that day: a strong hint for, or against, a draft.
    const dateScore = factDates.length === 0 || draft.validAt === null ? 0 : factDates.includes(draft.validAt) ? 0.3 : -0.3
    const score = Math.max(0, Math.min(1, 0.5 * overlap(counted, factWords) + 0.3 * overlap(factWords, context) + dateScore))
    if (!best || score > best.score) best = { factId: fact.factId, score: Math.round(score * 1000) / 1000 }
  }
  if (best && best.score >= suggestionThreshold) return best
  return best ? { new: true, bestScore: best.score } : { new: true }
}
