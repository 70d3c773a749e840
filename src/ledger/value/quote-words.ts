import { normalizePhrase } from '../../../events/quantity/normalize.js'
import type { Quantity } from '../../../events/quantity/quantity.js'

/** Marks that cling to a word in running text but are no part of a figure. */
const leading = /^[("'“‘[]+/u
const trailing = /[)"'”’\].,;:!?]+$/u

/** A quote as words: case, spaces and dashes folded, split on spaces; marks stay on their words. */
export function quoteWords(quote: string): string[] {
  return normalizePhrase(quote)
    .split(' ')
    .filter((w) => w.length > 0)
}

/** The run of words from i to j (exclusive), without the marks at its two ends. */
export function phrase(words: readonly string[], i: number, j: number): string {
  const run = words.slice(i, j)
  run[0] = run[0]!.replace(leading, '')
  run[run.length - 1] = run[run.length - 1]!.replace(trailing, '')
  return run.join(' ').trim()
}

/** A word without the marks around it. */
export const bare = (word: string) => word.replace(leading, '').replace(trailing, '')

/** Does a clause end after this word ("21," or "died.")? "vs." is an abbreviation, not an end. */
export const endsClause = (word: string) => /[,;:.!?]["'”’)]*$/u.test(word) && bare(word) !== 'vs'

/** A figure as printed: where it stands among the quote's words, and the cue that makes it an earlier figure, if any. */
export interface PrintedFigure {
  quantity: Quantity
  /** Index of its first word and one past its last, in `words`. */
  start: number
  end: number
  /** The words that give it as an earlier figure ("up from", "previously"), or null for a figure the quote states as current. */
  earlierCue: string | null
}
