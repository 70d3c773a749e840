import { parseQuantity } from '../../../events/quantity/parse.js'
import type { Quantity } from '../../../events/quantity/quantity.js'
import { markEarlierFigures } from './earlier-figures.js'
import { type PrintedFigure, phrase, quoteWords } from './quote-words.js'

/**
 * The figures a quote prints, read by the Quantity parser itself: from each
 * word, the longest run of up to `maxWords` words that the parser reads as
 * one figure is taken whole, and reading goes on after it. So "more than
 * 2,400" is one figure (never also a bare "2,400"), "a dozen" is 12 and
 * "15 million dollars" is $15 million, and nothing here reads a number on
 * its own: a quote is judged by the same grammar as the value.
 *
 * Each figure also says whether the quote gives it as an earlier one ("21,
 * up from 15"): see earlier-figures.ts.
 */
const maxWords = 8

export type { PrintedFigure }

export function figuresInQuote(quote: string): PrintedFigure[] {
  const words = quoteWords(quote)
  const found: Array<Omit<PrintedFigure, 'earlierCue'>> = []
  let i = 0
  while (i < words.length) {
    let best: { end: number; quantity: Quantity } | null = null
    for (let j = Math.min(words.length, i + maxWords); j > i; j--) {
      const text = phrase(words, i, j)
      if (!/[\p{N}\p{L}]/u.test(text)) continue
      const parsed = parseQuantity(text)
      if (parsed.ok) {
        best = { end: j, quantity: parsed.quantity }
        break
      }
    }
    if (best) {
      found.push({ quantity: best.quantity, start: i, end: best.end })
      i = best.end
    } else {
      i++
    }
  }
  return markEarlierFigures(words, found)
}
