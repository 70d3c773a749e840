import { has, parseNumberWords, scaleWords } from './number-words.js'

/**
 * One number as written, without its hedge: "2,400", "2 400", "1.2 billion",
 * "$15 million", "€3bn", "twenty-one", "a dozen". Input is already
 * normalized by the caller (lower case, plain spaces, plain hyphens).
 */
export interface Amount {
  value: number
  unit?: string
  /** The scale word written with it ("million"), so a range can share it: "15 to 20 million". */
  scale: number | null
}

const currencyPrefixes: ReadonlyArray<readonly [RegExp, string]> = [
  [/^us\$\s*/, 'USD'],
  [/^\$\s*/, 'USD'],
  [/^€\s*/, 'EUR'],
  [/^£\s*/, 'GBP'],
  [/^(usd|eur|gbp)\s+/, ''],
]
const currencySuffixes: ReadonlyArray<readonly [RegExp, string]> = [
  [/\s+(?:us )?dollars$/, 'USD'],
  [/\s+euros$/, 'EUR'],
  // "14.5 million pounds" is money; "200 pounds" alone may be a weight
  [/(?<=(?:thousand|million|billion|trillion))\s+pounds$/, 'GBP'],
  [/\s+(usd|eur|gbp)$/, ''],
]

/**
 * A share written after its number: "4.2%", "3.1 percent", "12 per cent".
 * Its unit is "%"; the number is the share out of 100, so "4.2%" states 4.2.
 * "percentage points" is a change between two shares, not a share, and is
 * not read here.
 */
const percentSuffix = /\s*(?:%|percent|per cent|pct\.?)$/
/** A share written as a fraction word, exact in hundredths: "half", "a quarter", "three quarters". */
const fractionShares: Record<string, number> = { half: 50, 'one half': 50, 'a half': 50, 'a quarter': 25, 'one quarter': 25, 'three quarters': 75, 'three-quarters': 75, 'a fifth': 20, 'one fifth': 20, 'a tenth': 10, 'one tenth': 10 }

/** Short scale marks, trusted only next to a currency ("$15m"); "15m" alone may be metres. */
const currencyScaleMarks: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12 }

/**
 * Digits with one consistent thousands separator (comma or space) or none,
 * an optional decimal part, then an optional scale word or mark.
 */
const digitsPattern =
  /^((?:[1-9]\d{0,2}(?:,\d{3})+)|(?:[1-9]\d{0,2}(?: \d{3})+)|(?:0|[1-9]\d*))(?:\.(\d+))?(?:\s*(thousand|million|billion|trillion)|\s*(k|m|mn|bn|b|tn))?$/

function stripCurrency(s: string): { rest: string; unit?: string } | null {
  let rest = s
  let unit: string | undefined
  for (const [pattern, code] of currencyPrefixes) {
    const m = pattern.exec(rest)
    if (m) {
      unit = code || m[1]!.toUpperCase()
      rest = rest.slice(m[0].length)
      break
    }
  }
  for (const [pattern, code] of currencySuffixes) {
    const m = pattern.exec(rest)
    if (m) {
      const suffixUnit = code || m[1]!.toUpperCase()
      if (unit !== undefined && unit !== suffixUnit) return null
      unit = suffixUnit
      rest = rest.slice(0, m.index)
      break
    }
  }
  return unit === undefined ? { rest } : { rest, unit }
}

function parseDigits(rest: string, hasCurrency: boolean): { value: number; scale: number | null } | null {
  const m = digitsPattern.exec(rest)
  if (!m) return null
  const [, whole, fraction, scaleWord, scaleMark] = m
  if (scaleMark !== undefined && !hasCurrency) return null
  const scale = scaleWord !== undefined ? scaleWords[scaleWord]! : scaleMark !== undefined ? currencyScaleMarks[scaleMark]! : null
  // Build the value in decimal ("1.15e6") so 1.15 million is exactly 1150000, not 1149999.9999999998.
  const mantissa = `${whole!.replace(/[, ]/g, '')}${fraction !== undefined ? `.${fraction}` : ''}`
  const value = Number(`${mantissa}e${scale === null ? 0 : Math.round(Math.log10(scale))}`)
  return Number.isFinite(value) ? { value, scale } : null
}

function trailingScale(words: string): number | null {
  const last = words.split(/[\s-]+/).pop() ?? ''
  return has(scaleWords, last) ? scaleWords[last]! : null
}

/** "one in five", "3 in 10": a share as a ratio, out of 100 (to one decimal: "one in eight" is 12.5). */
function oneIn(s: string): number | null {
  const m = /^([a-z]+|\d{1,3}) in ([a-z]+|\d{1,3})$/i.exec(s)
  if (!m) return null
  const read = (w: string) => (/^\d+$/.test(w) ? Number(w) : parseNumberWords(w.toLowerCase()))
  const part = read(m[1]!)
  const whole = read(m[2]!)
  if (part === null || whole === null || !(part > 0 && part < whole && whole <= 1000)) return null
  return Math.round((part / whole) * 1000) / 10
}

/** The amount written in `s`, or null when it is not exactly one number. */
export function parseAmount(s: string): Amount | null {
  const trimmed = s.trim()
  if (Object.hasOwn(fractionShares, trimmed)) return { value: fractionShares[trimmed]!, unit: '%', scale: null }
  const ratio = oneIn(trimmed)
  if (ratio !== null) return { value: ratio, unit: '%', scale: null }
  const percent = percentSuffix.exec(trimmed)
  if (percent && percent.index > 0) {
    const share = parseAmount(trimmed.slice(0, percent.index))
    // "$5%" or "5 million percent" is not a share anyone writes
    return share === null || share.unit !== undefined || share.scale !== null ? null : { value: share.value, unit: '%', scale: null }
  }
  const stripped = stripCurrency(trimmed)
  if (stripped === null) return null
  const rest = stripped.rest.trim()
  if (rest.length === 0) return null
  const hasCurrency = stripped.unit !== undefined
  const withUnit = (a: Omit<Amount, 'unit'>): Amount => (hasCurrency ? { ...a, unit: stripped.unit! } : a)
  if (/^\d/.test(rest)) {
    const digits = parseDigits(rest, hasCurrency)
    return digits === null ? null : withUnit(digits)
  }
  const fromWords = parseNumberWords(rest)
  return fromWords === null ? null : withUnit({ value: fromWords, scale: trailingScale(rest) })
}
