import { parseAmount, type Amount } from './amount.js'
import { hedgePrefixes, hedgeSuffixes } from './hedge-words.js'
import { binaryCharacters, normalizePhrase } from './normalize.js'
import { vagueAmountWords } from './number-words.js'
import type { Hedge, Quantity } from './quantity.js'

/**
 * From a figure as a news report writes it ("more than 2,400", "up to $15
 * million", "between 15 and 20") to a Quantity that keeps the hedge. A
 * phrase it cannot read exactly is an error naming the phrase: a ledger of
 * record must never store a guess.
 */

export interface ParseQuantityOptions {
  /** Relative half-width of "about 180"; defaults to the policy's 0.05. */
  aboutTolerance?: number
  /** How far below the number "nearly 2,000" may reach; defaults to the policy's 0.1. */
  nearlyTolerance?: number
}

export interface UnparseableQuantity {
  code: 'UnparseableQuantity'
  phrase: string
  message: string
}

export type ParseQuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: UnparseableQuantity }

/** Same defaults as `defaultPolicy` in projections/model.ts (events/ may not import projections/). */
export const defaultTolerances = { aboutTolerance: 0.05, nearlyTolerance: 0.1 } as const

const maxPhraseLength = 200 // Quantity.text allows 200 characters
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function fail(phrase: string, message: string): ParseQuantityResult {
  return { ok: false, error: { code: 'UnparseableQuantity', phrase, message: `"${phrase}": ${message}` } }
}

/** Tolerance arithmetic leaves float dust (180 * 1.05 = 189.00000000000003); 12 significant digits is exact enough for counts and money. */
function tidy(x: number): number {
  return Number(x.toPrecision(12))
}

function checkTolerance(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value >= 1) throw new RangeError(`${name} must be in [0, 1), got ${value}`)
}

function hedged(text: string, hedge: Exclude<Hedge, 'between'>, a: Amount, tol: Required<ParseQuantityOptions>): Quantity {
  const x = a.value
  const base = { text, hedge, stated: [x], ...(a.unit !== undefined ? { unit: a.unit } : {}) }
  switch (hedge) {
    case 'exact':
      return { ...base, lower: x, upper: x, lowerInclusive: true, upperInclusive: true }
    case 'more-than':
      return { ...base, lower: x, upper: null, lowerInclusive: false, upperInclusive: false }
    case 'at-least':
      return { ...base, lower: x, upper: null, lowerInclusive: true, upperInclusive: false }
    case 'fewer-than':
      return { ...base, lower: 0, upper: x, lowerInclusive: true, upperInclusive: false }
    case 'at-most':
    case 'up-to':
      return { ...base, lower: 0, upper: x, lowerInclusive: true, upperInclusive: true }
    case 'nearly':
      return { ...base, lower: tidy(x * (1 - tol.nearlyTolerance)), upper: x, lowerInclusive: true, upperInclusive: false }
    case 'about':
      return { ...base, lower: tidy(x * (1 - tol.aboutTolerance)), upper: tidy(x * (1 + tol.aboutTolerance)), lowerInclusive: true, upperInclusive: true }
  }
}

/** "15 to 20 million": the lower figure borrows the upper's scale and currency when it has none. */
function range(text: string, lowText: string, highText: string): ParseQuantityResult | null {
  const low = parseAmount(lowText)
  const high = parseAmount(highText)
  if (low === null || high === null) return null
  if (low.unit !== undefined && high.unit !== undefined && low.unit !== high.unit) {
    return fail(text, `the two ends of the range are in different currencies (${low.unit}, ${high.unit})`)
  }
  // "fell 6% to 410,000 tonnes": a share and a count after it are two figures (the change and the new level), not a range.
  if (low.unit === '%' && high.unit !== '%') return fail(text, 'a share cannot run to a number that is not a share')
  let lowValue = low.value
  if (low.scale === null && high.scale !== null && low.value * high.scale <= high.value) lowValue = low.value * high.scale
  if (!(lowValue < high.value)) return fail(text, `the range runs backwards or is empty (${lowValue} is not below ${high.value})`)
  const unit = low.unit ?? high.unit
  return {
    ok: true,
    quantity: {
      text, hedge: 'between', stated: [lowValue, high.value],
      lower: lowValue, upper: high.value, lowerInclusive: true, upperInclusive: true,
      ...(unit !== undefined ? { unit } : {}),
    },
  }
}

/** Every way the phrase splits at `separator` into a non-empty left and right, leftmost split first. */
function splits(s: string, separator: string): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (let i = s.indexOf(separator); i > 0; i = s.indexOf(separator, i + 1)) {
    const left = s.slice(0, i).trim()
    const right = s.slice(i + separator.length).trim()
    if (left && right) out.push([left, right])
  }
  return out
}

function parseRange(text: string, norm: string): ParseQuantityResult | null {
  const opened = /^(between|from) (.+)$/.exec(norm)
  const opener = opened?.[1]
  const body = opened ? opened[2]! : norm
  const separators = opener === 'between' ? [' and '] : [' to ', '-']
  let firstError: ParseQuantityResult | null = null
  for (const separator of separators) {
    for (const [left, right] of splits(body, separator)) {
      // A bare hyphen joins number words ("twenty-one"); as a range mark it needs digits on both sides.
      if (separator === '-' && !(/\d$/.test(left) && /^(?:us\$|[$€£])?\d/.test(right))) continue
      const result = range(text, left, right)
      if (result?.ok) return result
      firstError ??= result
    }
  }
  if (firstError) return firstError
  return opener ? fail(text, `expected "${opener} X ${opener === 'between' ? 'and' : 'to'} Y" with two numbers`) : null
}

function parseHedged(text: string, norm: string, tol: Required<ParseQuantityOptions>): ParseQuantityResult | null {
  for (const [word, hedge] of hedgePrefixes) {
    if (norm.startsWith(`${word} `)) {
      const amount = parseAmount(norm.slice(word.length + 1))
      if (amount === null) return null
      if (amount.value === 0 && (hedge === 'fewer-than' || hedge === 'nearly')) return fail(text, `"${word} 0" holds no number`)
      return { ok: true, quantity: hedged(text, hedge, amount, tol) }
    }
  }
  for (const [word, hedge] of hedgeSuffixes) {
    if (norm.endsWith(` ${word}`)) {
      const amount = parseAmount(norm.slice(0, -word.length - 1))
      return amount === null ? null : { ok: true, quantity: hedged(text, hedge, amount, tol) }
    }
  }
  return null
}

function unreadable(text: string, norm: string): ParseQuantityResult {
  const bare = norm.replace(/^(?:more than|nearly|about|some|up to|at least|over|almost) /, '')
  if ((vagueAmountWords as readonly string[]).includes(bare) || /^(?:dozens|hundreds|thousands|millions|tens of) /.test(bare)) {
    return fail(text, 'a vague amount, not a number; record it as text or leave it out')
  }
  return fail(text, 'not a figure this parser can read exactly (expected e.g. "21", "more than 2,400", "up to $15 million", "between 15 and 20")')
}

export function parseQuantity(phrase: string, options: ParseQuantityOptions = {}): ParseQuantityResult {
  const tol = { ...defaultTolerances, ...options }
  checkTolerance('aboutTolerance', tol.aboutTolerance)
  checkTolerance('nearlyTolerance', tol.nearlyTolerance)
  if (typeof phrase !== 'string') return fail(String(phrase), 'not text')
  const text = phrase.trim()
  if (text.length === 0) return fail(text, 'empty phrase')
  if (text.length > maxPhraseLength) return fail(text.slice(0, 40) + '...', `longer than ${maxPhraseLength} characters`)
  if (binaryCharacters.test(text) || loneSurrogate.test(text)) return fail(JSON.stringify(text).slice(1, -1), 'contains control or undecodable characters')
  const norm = normalizePhrase(text)
  if (norm.length === 0) return fail(text, 'holds only invisible characters')

  const single = parseAmount(norm)
  if (single !== null) return { ok: true, quantity: hedged(text, 'exact', single, tol) }
  return parseHedged(text, norm, tol) ?? parseRange(text, norm) ?? unreadable(text, norm)
}
