import { hedgePrefixes, hedgeSuffixes } from '../../events/quantity/hedge-words.js'
import { numberWordList, parseNumberWords } from '../../events/quantity/number-words.js'
import { parseQuantity } from '../../events/quantity/parse.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import { adjacent, type Token } from './tokens.js'

/**
 * Finds the figures in a sentence: a number (digits or words) with the
 * hedge before it, a range after it and a hedge after it, as long as the
 * Quantity parser reads the whole phrase. The parser is the judge of what
 * a figure is, so the extractor never proposes a value it could not record.
 */

export interface Figure {
  figure: string
  start: number
  end: number
  quantity: Quantity
  /** Token indexes: [first, last) of the whole figure, and of its number. */
  first: number
  last: number
  numberFirst: number
  numberLast: number
  writtenInWords: boolean
  /** "2-1", "9-4": a dash between a larger and a smaller number reads as a score or a vote, not a range. */
  backwardsRange: boolean
  /** "rose from 31 to 42": the first of two values in a change, not a range. */
  inChange: boolean
}

const numberWords = new Set(numberWordList)
const scaleWords = new Set(['thousand', 'million', 'billion', 'trillion'])
const scaleMarks = new Set(['k', 'm', 'mn', 'bn', 'b', 'tn'])
const currencyWords = new Set(['dollars', 'euros'])
const changeVerbs = new Set(['rose', 'risen', 'rise', 'rises', 'rising', 'increased', 'increase', 'grew', 'grown', 'climbed', 'jumped', 'fell', 'fallen', 'dropped', 'declined', 'decreased', 'up', 'down', 'went', 'revised', 'raised', 'lowered', 'cut'])

const hedgePhrases = [...hedgePrefixes.map(([p]) => p), 'between', 'from'].map((p) => p.split(' ')).sort((a, b) => b.length - a.length)

function isNumberWord(token: Token | undefined): boolean {
  return token?.kind === 'word' && token.lower.split('-').every((part) => numberWords.has(part))
}

/** End (exclusive) of the number that starts at token i, or null. */
function readNumber(tokens: Token[], i: number): number | null {
  const t = tokens[i]
  if (t === undefined) return null
  let j: number
  if (t.kind === 'num') {
    j = i + 1
    const hasCurrency = /^(?:US\$|[$€£])/.test(t.text)
    if (hasCurrency && adjacent(t, tokens[j]) && scaleMarks.has(tokens[j]!.lower)) j++
    else if (tokens[j]?.kind === 'word' && scaleWords.has(tokens[j]!.lower)) j++
  } else {
    const fraction = fractionEnd(tokens, i)
    if (fraction !== null) return fraction
    const startsWithA = (t.lower === 'a' || t.lower === 'an') && isNumberWord(tokens[i + 1]) && /^(?:hundred|dozen|thousand|million|billion)$/.test(tokens[i + 1]!.lower)
    if (!isNumberWord(t) && !startsWithA) return null
    j = i + 1
    while (isNumberWord(tokens[j]) || (tokens[j]?.lower === 'and' && isNumberWord(tokens[j + 1]) && /hundred|thousand|million|billion/.test(tokens[j - 1]!.lower))) j++
    // Shrink until the words read as one number ("twenty twenty" -> "twenty").
    while (j > i + 1 && parseNumberWords(tokens.slice(i, j).map((x) => x.text).join(' ')) === null) j--
    if (parseNumberWords(tokens.slice(i, j).map((x) => x.text).join(' ')) === null) return null
  }
  if (tokens[j]?.kind === 'word' && currencyWords.has(tokens[j]!.lower)) j++
  else if (tokens[j]?.lower === 'pounds' && scaleWords.has(tokens[j - 1]?.lower ?? '')) j++ // "14.5 million pounds" (money; "200 pounds" may weigh)
  return percentEnd(tokens, i, j) ?? j
}

/** A share: "4.2%", "3.1 percent", "12 per cent" (not "percentage points", a change between shares). */
function percentEnd(tokens: Token[], i: number, j: number): number | null {
  if (tokens[i]?.kind !== 'num' || /^(?:US\$|[$€£])/.test(tokens[i]!.text)) return null
  if (tokens[j]?.text === '%' && adjacent(tokens[j - 1], tokens[j])) return j + 1
  if (tokens[j]?.lower === 'percent') return j + 1
  if (tokens[j]?.lower === 'per' && tokens[j + 1]?.lower === 'cent') return j + 2
  return null
}

/** A share written as a fraction word before "of": "nearly half of those polled", "a quarter of the budget". */
function fractionEnd(tokens: Token[], i: number): number | null {
  const t = tokens[i]
  // "fell by nearly half", "by more than a fifth": a change by a share
  let b = i - 1
  while (b >= i - 3 && /^(?:nearly|almost|about|roughly|more|less|than|over|under|just|some)$/.test(tokens[b]?.lower ?? '')) b--
  const byShare = tokens[b]?.lower === 'by'
  const share = (end: number) => (tokens[end]?.lower === 'of' || byShare ? end : null)
  if (t?.lower === 'half') return share(i + 1)
  if (/^(?:a|one|three)$/.test(t?.lower ?? '') && /^quarters?$/.test(tokens[i + 1]?.lower ?? '')) return share(i + 2)
  if (/^(?:a|one)$/.test(t?.lower ?? '') && /^(?:fifth|tenth)$/.test(tokens[i + 1]?.lower ?? '')) return share(i + 2)
  return null
}

/** Index where a hedge phrase that ends just before token i begins, and the phrase. */
function readPrefix(tokens: Token[], i: number): { at: number; phrase: string } | null {
  for (const words of hedgePhrases) {
    const at = i - words.length
    if (at < 0) continue
    if (words.every((w, k) => tokens[at + k]!.lower === w)) return { at, phrase: words.join(' ') }
  }
  return null
}

function readSuffix(tokens: Token[], j: number): number | null {
  for (const [phrase] of hedgeSuffixes) {
    const words = phrase.split(' ')
    if (words.every((w, k) => tokens[j + k]?.lower === w)) return j + words.length
  }
  return null
}

/** A second number after "-", "to" or (after "between") "and". */
function readRangeEnd(tokens: Token[], j: number, opener: string | undefined): number | null {
  const link = tokens[j]
  if (link === undefined) return null
  const dash = link.text === '-' && adjacent(tokens[j - 1], link) && adjacent(link, tokens[j + 1])
  const word = link.lower === 'to' || (link.lower === 'and' && opener === 'between')
  if (!dash && !word) return null
  return readNumber(tokens, j + 1)
}

export function findFigures(tokens: Token[], text: string): Figure[] {
  const figures: Figure[] = []
  let i = 0
  while (i < tokens.length) {
    const numberLast = readNumber(tokens, i)
    if (numberLast === null) {
      i++
      continue
    }
    const prefix = readPrefix(tokens, i)
    const opener = prefix?.phrase === 'between' || prefix?.phrase === 'from' ? prefix.phrase : undefined
    const inChange = opener === 'from' && prefix !== null && changeVerbs.has(tokens[prefix.at - 1]?.lower ?? '')
    const rangeEnd = inChange ? null : readRangeEnd(tokens, numberLast, opener)
    const suffixEnd = readSuffix(tokens, rangeEnd ?? numberLast)
    // "one in five homes": a share written as a ratio
    const ratioEnd = tokens[numberLast]?.lower === 'in' ? readNumber(tokens, numberLast + 1) : null
    const starts = prefix && !inChange ? [prefix.at, i] : [i]
    const ends = [...new Set([ratioEnd, suffixEnd, rangeEnd, numberLast].filter((e): e is number => e !== null))]
    let found: Figure | null = null
    let backwardsRange = false
    for (const first of starts) {
      for (const last of ends) {
        const start = tokens[first]!.start
        const end = tokens[last - 1]!.end
        const parsed = parseQuantity(text.slice(start, end))
        if (parsed.ok) {
          found = {
            figure: parsed.quantity.text, start, end, quantity: parsed.quantity, first, last,
            numberFirst: i, numberLast, writtenInWords: tokens[i]!.kind === 'word', backwardsRange, inChange,
          }
          break
        }
        // "cut VAT from 10% to 4%": a change between two figures, each a figure; "won 2-1" is a score
        if (last === rangeEnd && /runs backwards/.test(parsed.error.message) && opener !== 'from') backwardsRange = true
      }
      if (found) break
    }
    if (found) {
      found.backwardsRange = backwardsRange
      figures.push(found)
      // A score "2-1" is consumed whole, so its second number is not read as a figure of its own.
      i = backwardsRange && rangeEnd !== null ? Math.max(found.last, rangeEnd) : found.last
    } else {
      i = numberLast
    }
  }
  return figures
}
