import { normalizePhrase } from '../../../events/quantity/normalize.js'
import { parseQuantity } from '../../../events/quantity/parse.js'
import type { Quantity } from '../../../events/quantity/quantity.js'

/**
 * The figures a quote prints, read by the Quantity parser itself: from each
 * word, the longest run of up to `maxWords` words that the parser reads as
 * one figure is taken whole, and reading goes on after it. So "more than
 * 2,400" is one figure (never also a bare "2,400"), "a dozen" is 12 and
 * "15 million dollars" is $15 million, and nothing here reads a number on
 * its own: a quote is judged by the same grammar as the value.
 */
const maxWords = 8
/** Marks that cling to a word in running text but are no part of a figure. */
const leading = /^[("'“‘[]+/u
const trailing = /[)"'”’\].,;:!?]+$/u

interface Word {
  text: string
}

function wordsOf(quote: string): Word[] {
  return normalizePhrase(quote)
    .split(' ')
    .filter((w) => w.length > 0)
    .map((text) => ({ text }))
}

/** The run of words from i to j (exclusive), without the marks at its two ends. */
function phrase(words: readonly Word[], i: number, j: number): string {
  const run = words.slice(i, j).map((w) => w.text)
  run[0] = run[0]!.replace(leading, '')
  run[run.length - 1] = run[run.length - 1]!.replace(trailing, '')
  return run.join(' ').trim()
}

export function figuresInQuote(quote: string): Quantity[] {
  const words = wordsOf(quote)
  const found: Quantity[] = []
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
      found.push(best.quantity)
      i = best.end
    } else {
      i++
    }
  }
  return found
}
