import type { KnownFact, SuggestedFact } from './draft-claim.js'

/**
 * Which existing fact a draft most likely belongs to, by word overlap: the
 * counted noun against the fact's question and subject (most weight), the
 * sentence against them (some weight), the unit (a dollar amount is not a
 * head count) and the date (a fact about "the 2024-11-27 round" prefers a
 * claim valid that day). Below the threshold the draft proposes a new fact:
 * a wrong suggestion costs an editor more than none.
 */

export const suggestionThreshold = 0.35

const stopWords = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'for', 'to', 'by', 'and', 'or', 'how', 'many', 'much', 'what', 'was', 'were', 'is', 'are',
  'did', 'does', 'do', 'has', 'have', 'had', 'that', 'this', 'with', 'from', 'as', 'its', 'their', 'it', 'be', 'been', 'who', 'which',
  'said', 'says', 'more', 'than', 'about', 'up', 'total',
])

/** Lower-case content words, with a plural "s" dropped so "officials" meets "official". */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return new Set(words.filter((w) => !stopWords.has(w) && w.length > 1).map((w) => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w)))
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

export function suggestFact(
  draft: { counted: string | null; sentence: string; unit?: string; validAt: string | null },
  knownFacts: readonly KnownFact[],
): SuggestedFact {
  if (knownFacts.length === 0) return { new: true }
  const counted = contentWords(draft.counted ?? '')
  const context = contentWords(draft.sentence)
  let best: { factId: string; score: number } | null = null
  for (const fact of knownFacts) {
    const factWords = contentWords(`${fact.question} ${fact.subject}`)
    if (!unitFits(draft.unit, fact.unit)) continue
    const dateBonus = draft.validAt !== null && fact.question.includes(draft.validAt) ? 0.15 : 0
    const score = Math.min(1, 0.55 * overlap(counted, factWords) + 0.3 * overlap(factWords, context) + dateBonus)
    if (!best || score > best.score) best = { factId: fact.factId, score: Math.round(score * 1000) / 1000 }
  }
  if (best && best.score >= suggestionThreshold) return best
  return best ? { new: true, bestScore: best.score } : { new: true }
}
