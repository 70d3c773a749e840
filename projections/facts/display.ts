import { type Interval, isEmpty, pointValue } from '../../events/quantity/interval.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import type { FactKind } from '../../events/fact-events.js'

/**
 * Figures as a person would say them: "21", "more than 2,400", "$15 million",
 * "between 15 and 20", "nearly 2,000". Counts and amounts get thousands
 * separators; round millions and billions get words; a share ("%" unit or a
 * `percent` fact) reads "4.2%"; a `date` fact (stored as days since
 * 1970-01-01) reads as a calendar date.
 */
export interface DisplayOptions {
  /** The fact's unit or the value's: "USD", "EUR" and "GBP" print as currency, others are left to the question. */
  unit?: string | undefined
  kind?: FactKind | undefined
}

const currencySigns: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' }
const scales: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
]

/**
 * 2400 -> "2,400"; 3.5 -> "3.5"; at most two decimals. `cents` keeps both
 * decimals of a fractional amount (4.5 -> "4.50"), as money is written.
 */
function withSeparators(n: number, cents = false): string {
  const fixed = Math.abs(n).toFixed(2)
  const trimmed = cents && !Number.isInteger(Number(fixed)) ? fixed : fixed.replace(/\.?0+$/, '')
  const [whole, fraction] = trimmed.split('.') as [string, string | undefined]
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

/** 15e6 -> "15 million" when the figure is round in that scale; otherwise the digits ("4.50" for money). */
function withScale(n: number, cents = false): string {
  for (const [scale, word] of scales) {
    const m = n / scale
    if (Math.abs(m) >= 1 && Number(m.toFixed(2)) === m) return `${withSeparators(m)} ${word}`
  }
  return withSeparators(n, cents)
}

/** One number, in the fact's terms. */
export function formatNumber(n: number, options: DisplayOptions = {}): string {
  if (options.kind === 'date') return new Date(Math.floor(n) * 86_400_000).toISOString().slice(0, 10)
  if (options.kind === 'percent' || options.unit === '%') return `${withSeparators(n)}%`
  const sign = options.unit ? currencySigns[options.unit] : undefined
  const digits = withScale(n, sign !== undefined)
  return sign ? (n < 0 ? `-${sign}${digits.slice(1)}` : `${sign}${digits}`) : digits
}

type Phrases = { more: string; atLeast: string; fewer: string; atMost: string; upTo: string; nearly: string; about: string }
const countPhrases: Phrases = { more: 'more than', atLeast: 'at least', fewer: 'fewer than', atMost: 'at most', upTo: 'up to', nearly: 'nearly', about: 'about' }
const datePhrases: Phrases = { more: 'after', atLeast: 'on or after', fewer: 'before', atMost: 'on or before', upTo: 'on or before', nearly: 'shortly before', about: 'around' }

function phrasesFor(options: DisplayOptions): Phrases {
  return options.kind === 'date' ? datePhrases : countPhrases
}

/** A hedged value as the source would have said it, from its hedge and stated number(s). */
export function displayQuantity(q: Quantity, options: DisplayOptions = {}): string {
  const o = { ...options, unit: options.unit ?? q.unit }
  const p = phrasesFor(o)
  const [first, second] = q.stated as [number, number | undefined]
  const n = formatNumber(first, o)
  switch (q.hedge) {
    case 'exact':
      return n
    case 'more-than':
      return `${p.more} ${n}`
    case 'at-least':
      return `${p.atLeast} ${n}`
    case 'fewer-than':
      return `${p.fewer} ${n}`
    case 'at-most':
      return `${p.atMost} ${n}`
    case 'up-to':
      return `${p.upTo} ${n}`
    case 'nearly':
      return `${p.nearly} ${n}`
    case 'about':
      return `${p.about} ${n}`
    case 'between':
      return second === undefined ? describeInterval(q, o) : `between ${n} and ${formatNumber(second, o)}`
  }
}

/**
 * An interval in words, for values reconciliation computed rather than a
 * source stated ("more than 20 and at most 25"). For counts and amounts a
 * lower bound of 0 goes unsaid ("at most 10").
 */
export function describeInterval(i: Interval, options: DisplayOptions = {}): string {
  if (isEmpty(i)) return 'no value'
  const point = pointValue(i)
  if (point !== null) return formatNumber(point, options)
  const p = phrasesFor(options)
  const fmt = (x: number) => formatNumber(x, options)
  const lowerGoesUnsaid = i.lower === null || (options.kind !== 'date' && i.lower === 0 && i.lowerInclusive)
  const lower = i.lower === null || lowerGoesUnsaid ? null : `${i.lowerInclusive ? p.atLeast : p.more} ${fmt(i.lower)}`
  const upper = i.upper === null ? null : `${i.upperInclusive ? p.atMost : p.fewer} ${fmt(i.upper)}`
  if (lower && upper) {
    return i.lowerInclusive && i.upperInclusive ? `between ${fmt(i.lower!)} and ${fmt(i.upper!)}` : `${lower} and ${upper}`
  }
  return lower ?? upper ?? 'any value'
}
