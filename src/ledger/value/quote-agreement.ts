import type { z } from 'zod'
import type { FactKind } from '../../../events/fact-events.js'
import { sameInterval } from '../../../events/quantity/interval.js'
import { normalizePhrase } from '../../../events/quantity/normalize.js'
import type { Quantity } from '../../../events/quantity/quantity.js'
import { figuresInQuote } from './figures-in-quote.js'

/**
 * The figure is read from the quote: the value's phrase, or an equivalent
 * one ("a dozen" for 12, "21" in "21 officials", "15 million dollars" for
 * "$15 million"), must be printed in the quote and mean the same, as a
 * figure the quote states, not one it gives as earlier ("21, up from 15"
 * states 21; earlier-figures.ts). The Quantity
 * parser reads every figure in the quote (figures-in-quote.ts), so nothing
 * here reads numbers on its own.
 */

const vague = new Set(['about', 'nearly'])
const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** A figure the source printed means the value: same hedge and numbers, or the same interval; currencies may not differ. */
export function sameFigure(printed: Quantity, value: Quantity): boolean {
  if (printed.unit !== undefined && value.unit !== undefined && printed.unit !== value.unit) return false
  if (printed.hedge === value.hedge && sameNumbers(printed.stated, value.stated)) return true
  return !vague.has(printed.hedge) && !vague.has(value.hedge) && sameInterval(printed, value)
}

/** Does the phrase occur in the text as whole words (after folding case, spaces and dashes)? */
function occursAsWords(text: string, phrase: string): boolean {
  const needle = normalizePhrase(phrase)
  if (needle.length === 0) return false
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle)}(?![\\p{L}\\p{N}])`, 'u').test(normalizePhrase(text))
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Agreement, or what the quote prints instead: its current figures, and, when
 * the value is one the quote gives as an earlier figure ("up from 15"), the
 * words that say so.
 */
export type QuoteAgreement = { ok: true; printedAs: string } | { ok: false; printed: string[]; earlier: string | null }

/**
 * Whether the quote prints the value. For a date fact the value's own words
 * must occur in the quote (dates are stored as day numbers the phrase parser
 * does not read back).
 */
export function valueAgreesWithQuote(value: Quantity, quote: string, kind: z.infer<typeof FactKind>): QuoteAgreement {
  if (kind === 'date') return occursAsWords(quote, value.text) ? { ok: true, printedAs: value.text } : { ok: false, printed: [], earlier: null }
  const printed = figuresInQuote(quote)
  const current = printed.filter((p) => p.earlierCue === null)
  const match = current.find((p) => sameFigure(p.quantity, value))
  if (match) return { ok: true, printedAs: match.quantity.text }
  const earlier = printed.find((p) => p.earlierCue !== null && sameFigure(p.quantity, value))
  return { ok: false, printed: current.map((p) => p.quantity.text), earlier: earlier?.earlierCue ?? null }
}
