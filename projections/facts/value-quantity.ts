import { type Interval, pointValue, sameInterval } from '../../events/quantity/interval.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import type { Candidate } from './candidate.js'
import { describeInterval, type DisplayOptions, displayQuantity } from './display.js'

/**
 * The reconciled value as a Quantity. When a claim states exactly the
 * reconciled interval, its wording is kept ("nearly 2,000" stays "nearly
 * 2,000"); otherwise the hedge is chosen to describe the interval: exact for a
 * point, more-than for (x, inf), at-least for [x, inf), fewer-than / at-most
 * for an upper bound alone, between for both.
 *
 * `ranked` is in order of preference; the first claim whose interval is the
 * value lends its words.
 */
export function valueQuantity(interval: Interval, ranked: readonly Candidate[], options: DisplayOptions): { value: Quantity; display: string } {
  const exact = ranked.find((c) => sameInterval(c.interval, interval))
  if (exact) return { value: { ...exact.claim.value, ...interval }, display: displayQuantity(exact.claim.value, options) }
  // A computed value is displayed bound by bound ("more than 20 and at most 25"); its hedge only approximates it.
  const value = synthesize(interval, commonUnit(ranked), options)
  return { value, display: value.text }
}

/** The currency the claims were stated in, when they agree on one. */
export function commonUnit(candidates: readonly Candidate[]): string | undefined {
  const units = new Set(candidates.map((c) => c.claim.value.unit))
  const [only] = units
  return units.size === 1 ? only : undefined
}

function synthesize(i: Interval, valueUnit: string | undefined, options: DisplayOptions): Quantity {
  const text = describeInterval(i, { ...options, unit: valueUnit ?? options.unit })
  const unit = valueUnit ? { unit: valueUnit } : {}
  const point = pointValue(i)
  if (point !== null) return { text, hedge: 'exact', stated: [point], ...i, ...unit }
  if (i.lower !== null && i.upper === null) return { text, hedge: i.lowerInclusive ? 'at-least' : 'more-than', stated: [i.lower], ...i, ...unit }
  if (i.upper !== null && (i.lower === null || (i.lower === 0 && i.lowerInclusive))) {
    return { text, hedge: i.upperInclusive ? 'at-most' : 'fewer-than', stated: [i.upper], ...i, ...unit }
  }
  if (i.lower !== null && i.upper !== null) return { text, hedge: 'between', stated: [i.lower, i.upper], ...i, ...unit }
  throw new Error('reconcile: an unbounded interval has no value to state')
}
