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

/** A relative clause set off by commas: "the mine, which employs 1,450 workers, will resume". */
const relative = /,\s+(?:which|who|whose|where)\s[^,;]*?(?=,)/g

export function clauseAt(sentence: string, at: number): Span {
  const clause = clauses(sentence).find((c) => at >= c.from && at < c.to) ?? { from: 0, to: sentence.length }
  // A figure inside a relative clause is qualified by its wording alone ("will resume" is the main clause's).
  for (const m of sentence.slice(clause.from, clause.to).matchAll(relative)) {
    const from = clause.from + m.index!
    if (at > from && at < from + m[0].length) return { from: from + 1, to: from + m[0].length }
  }
  return clause
}

/** Sentences longer than this are read, and quoted, clause by clause. */
export const longSentence = 600
const unitMin = 120
const unitMax = 1200

/**
 * The stretches of a sentence read as one unit. A sentence of ordinary
 * length is one unit, quoted whole. A very long one is cut into its
 * clauses, tiny clauses joined to a neighbour and runaway ones cut at a
 * space near every 600 characters, so each figure is read and quoted in a
 * readable context and the work per figure stays bounded whatever the text
 * (a megabyte without a full stop is still read in linear time).
 */
export function analysisUnits(sentence: string): Array<Span & { clause: boolean }> {
  if (sentence.length <= longSentence) return [{ from: 0, to: sentence.length, clause: false }]
  const pieces: Span[] = []
  for (const c of clauses(sentence)) {
    let from = c.from
    while (c.to - from > unitMax) {
      let cut = from + longSentence
      const limit = from + unitMax
      while (cut < limit && !/\s/.test(sentence[cut]!)) cut++
      if (cut >= limit) cut = from + longSentence // no space at all: cut anyway
      pieces.push({ from, to: cut })
      from = cut
    }
    pieces.push({ from, to: c.to })
  }
  const units: Span[] = []
  for (const piece of pieces) {
    const last = units[units.length - 1]
    if (last && (last.to - last.from < unitMin || piece.to - piece.from < unitMin) && piece.to - last.from <= unitMax) last.to = piece.to
    else units.push({ ...piece })
  }
  return units
    .map((u) => {
      let { from, to } = u
      while (from < to && /\s/.test(sentence[from]!)) from++
      while (to > from && /\s/.test(sentence[to - 1]!)) to--
      return { from, to, clause: true }
    })
    .filter((u) => u.to > u.from)
}
