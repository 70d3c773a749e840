/**
 * The clause of a sentence that holds a figure. Reporters join two claims
 * in one sentence ("1,200 firefighters are assigned ..., the department
 * said, and another 400 are expected to arrive"); the wording that
 * qualifies one ("are expected to") must not leak into the other.
 */

export interface Span {
  from: number
  to: number
}

/** Where one clause ends and the next begins: a semicolon, or a comma before a conjunction. */
const clauseBreak = /;\s+|,\s+(?:and|but|while|whereas|although|though)\s+/g

/** Clause spans of a sentence, as offsets within it. */
export function clauses(sentence: string): Span[] {
  const spans: Span[] = []
  let from = 0
  for (const m of sentence.matchAll(clauseBreak)) {
    spans.push({ from, to: m.index! })
    from = m.index! + m[0].length
  }
  spans.push({ from, to: sentence.length })
  return spans
}

export function clauseAt(sentence: string, at: number): Span {
  return clauses(sentence).find((c) => at >= c.from && at < c.to) ?? { from: 0, to: sentence.length }
}

/** Long sentences (over this) are quoted by clause, so a citation stays readable. */
export const longSentence = 600
const maxQuote = 2000

/**
 * The quote for a figure: the whole sentence, or for a very long one the
 * clause around the figure, widened by neighbouring clauses to at least a
 * readable length and cut to the citation limit at word boundaries.
 */
export function quoteSpan(sentence: string, figure: Span): Span & { clause: boolean } {
  if (sentence.length <= longSentence) return { from: 0, to: sentence.length, clause: false }
  const all = clauses(sentence)
  let i = all.findIndex((c) => figure.from >= c.from && figure.from < c.to)
  if (i < 0) i = 0
  let j = i
  let span = { from: all[i]!.from, to: all[i]!.to }
  while (span.to - span.from < 120 && (i > 0 || j < all.length - 1)) {
    if (j < all.length - 1) span = { ...span, to: all[++j]!.to }
    else span = { ...span, from: all[--i]!.from }
  }
  if (span.to - span.from > maxQuote) {
    const centre = Math.max(span.from, Math.min(figure.from - maxQuote / 2, span.to - maxQuote))
    let from = centre
    let to = Math.min(span.to, centre + maxQuote)
    while (from > span.from && from < figure.from && !/\s/.test(sentence[from - 1]!)) from++
    while (to < span.to && to > figure.to && !/\s/.test(sentence[to]!)) to--
    span = { from, to }
  }
  while (span.from < span.to && /\s/.test(sentence[span.from]!)) span.from++
  while (span.to > span.from && /\s/.test(sentence[span.to - 1]!)) span.to--
  return { ...span, clause: true }
}
