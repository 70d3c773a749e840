import type { Figure } from './figures.js'
import { adjacent, type Token } from './tokens.js'

/**
 * Which numbers are counts or amounts a fact-checker records, and which are
 * something else. Decision: years, dates, times, ages,
 * durations, scores, multipliers, page counters and identifiers ("Route 9",
 * "G20") are not proposed as drafts; they are listed as skipped, each with
 * its reason, so a reviewer can see nothing was silently dropped. A
 * duration that is measured ("an average of 7.4 hours") is a measurement.
 * A percentage is a figure (unit "%", a `percent` fact): what it is a share
 * of is its counted noun. A change in percentage points is skipped.
 * Measurements (acres, metres) are kept and carry their unit.
 */

export type FigureKind = { kind: 'count' } | { kind: 'measure'; unit: string; word: string } | { kind: 'skip'; reason: string }

const months = /^(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)\.?$/
const timeUnits = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|nights?|year-long|day-long)$/
const timeUnitSymbols: Record<string, string> = { hour: 'h', minute: 'min', second: 's', day: 'd', week: 'wk', month: 'mo', year: 'y' }
const ageWords = /^(?:years?-old|months?-old|weeks?-old|days?-old)$/
const agedGroups = new Set(['children', 'kids', 'boys', 'girls', 'minors', 'teens', 'teenagers', 'students', 'people', 'anyone', 'those', 'adults', 'patients', 'infants', 'babies'])
const identifierLabels = new Set([
  'route', 'highway', 'interstate', 'article', 'section', 'chapter', 'title', 'resolution', 'no', 'number', 'flight', 'room',
  'gate', 'platform', 'terminal', 'page', 'decree', 'law', 'amendment', 'level', 'category', 'phase', 'stage', 'channel',
  'district', 'precinct', 'ward', 'lot', 'unit', 'apartment', 'suite', 'building', 'block', 'line', 'bus', 'pier', 'track', 'exit', 'paragraph',
])
const measureUnits: Record<string, string> = {
  acres: 'acres', acre: 'acres', hectares: 'ha', hectare: 'ha', metres: 'm', meters: 'm', metre: 'm', meter: 'm',
  kilometres: 'km', kilometers: 'km', km: 'km', miles: 'mi', mile: 'mi', feet: 'ft', foot: 'ft', inches: 'in', centimetres: 'cm', centimeters: 'cm',
  millimetres: 'mm', millimeters: 'mm', mm: 'mm', cm: 'cm', tonnes: 't', tons: 't', kilograms: 'kg', kg: 'kg', litres: 'l', liters: 'l',
  gallons: 'gal', barrels: 'bbl', degrees: 'deg', megawatts: 'MW', gigawatts: 'GW',
}

const skip = (reason: string): FigureKind => ({ kind: 'skip', reason })

function isCapitalized(token: Token | undefined): boolean {
  return token?.kind === 'word' && /^\p{Lu}/u.test(token.text)
}

/** An ISO or numeric date around the figure: "2025-04-30", "30/04/2025". */
function insideNumericDate(text: string, figure: Figure): boolean {
  const around = text.slice(Math.max(0, figure.start - 11), figure.end + 11)
  const at = figure.start - Math.max(0, figure.start - 11)
  for (const m of around.matchAll(/\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/g)) {
    if (m.index! <= at && at < m.index! + m[0].length) return true
  }
  return false
}

/** `text` is the whole (folded) text, for patterns that span tokens. */
export function classifyFigure(tokens: Token[], figure: Figure, text: string): FigureKind {
  const before = tokens[figure.first - 1]
  const numberBefore = tokens[figure.numberFirst - 1]
  const after = tokens[figure.last]
  const next = after?.text === '-' && adjacent(tokens[figure.last - 1], after) ? tokens[figure.last + 1] : after
  const q = figure.quantity
  const value = q.stated[0]!
  const hedged = q.hedge !== 'exact'
  const numberToken = tokens[figure.numberFirst]!

  if (insideNumericDate(text, figure)) return skip('part of a date')
  if (figure.backwardsRange) return skip('a score, vote tally or ratio such as "2-1"')
  if (adjacent(before, tokens[figure.first]) && before!.kind === 'word') return skip('part of a name or code such as "G20"')
  if (before?.text === '-' && adjacent(before, tokens[figure.first]) && adjacent(tokens[figure.first - 2], before) && tokens[figure.first - 2]!.kind === 'word') {
    return skip('part of a name or code such as "COVID-19"')
  }
  if (after?.kind === 'word' && adjacent(tokens[figure.last - 1], after)) return skip('a number joined to letters (an ordinal, code or unit such as "20th" or "26º")')
  if (/^(?:percentage|basis)$/.test(after?.lower ?? '') && /^points?$/.test(tokens[figure.last + 1]?.lower ?? '')) {
    return skip('a change in percentage points (the difference of two shares, not a share)')
  }
  if ((after?.text === '/' && tokens[figure.last + 1]?.kind === 'num') || (before?.text === '/' && tokens[figure.first - 2]?.kind === 'num')) {
    return skip('a fraction or page counter such as "1 / 2"')
  }
  if ((after?.text === ':' && tokens[figure.last + 1]?.kind === 'num') || /^(?:a\.m\.|p\.m\.|am|pm|gmt|utc|o'clock)$/.test(after?.lower ?? '')) {
    return skip('a time of day')
  }
  const wordBefore = numberBefore?.text === '.' ? tokens[figure.numberFirst - 2] : numberBefore // "Nov. 27"
  if (months.test(wordBefore?.lower ?? '') || months.test(after?.lower ?? '')) return skip('part of a date')
  if (!hedged && numberToken.kind === 'num' && /^\d{4}$/.test(numberToken.text) && value >= 1800 && value <= 2100 && figure.last === figure.numberFirst + 1) {
    return skip('a year')
  }
  if (ageWords.test(next?.lower ?? '') || (timeUnits.test(next?.lower ?? '') && tokens[figure.last + 1]?.lower === 'old')) return skip('an age')
  if (/^(?:aged|age|ages)$/.test(numberBefore?.lower ?? '')) return skip('an age')
  if (/^(?:under|over|below|above)$/.test(numberBefore?.lower ?? '') && agedGroups.has(tokens[figure.numberFirst - 2]?.lower ?? '') && value < 120) return skip('an age')
  if (!hedged && value < 120 && Number.isInteger(value) && before?.text === ',' && isCapitalized(tokens[figure.first - 2]) && /^[,)]$/.test(after?.text ?? '')) {
    return skip('an age after a name ("Lee Chen, 54,")')
  }
  if (timeUnits.test(next?.lower ?? '')) {
    // "an average of 7.4 hours" is a measured statistic; "an 11-year rule", "four months later" are spans of time
    const measured = !Number.isInteger(value) || /^(?:average|median|mean|typical)$/.test(tokens[figure.first - 2]?.lower ?? '') || /^(?:average|median|mean)$/.test(before?.lower ?? '')
    if (measured && after === next) return { kind: 'measure', unit: timeUnitSymbols[next!.lower.replace(/s$/, '')] ?? next!.lower, word: next!.lower }
    return skip('a duration')
  }
  if (/^(?:times|fold|-fold)$/.test(after?.lower ?? '')) return skip('a multiplier such as "three times"')
  if (identifierLabels.has(before?.lower.replace(/\.$/, '') ?? '') && isCapitalized(before)) return skip('an identifier such as "Route 9"')
  if (before?.text === '.' && tokens[figure.first - 2]?.lower === 'no') return skip('an identifier such as "No. 10"')
  if (figure.writtenInWords && value === 1) return skip('the word "one" or "a" (a single mention, rarely a figure to record)')
  const unitWord = after?.lower ?? ''
  if (q.unit === undefined && Object.hasOwn(measureUnits, unitWord)) return { kind: 'measure', unit: measureUnits[unitWord]!, word: unitWord }
  return { kind: 'count' }
}
