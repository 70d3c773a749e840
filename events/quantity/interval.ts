/**
 * Interval algebra over Quantity bounds. `null` is unbounded. Used by
 * reconciliation to intersect hedged figures exactly ("more than 20" and
 * "21" meet at 21; "more than 2,400" and "more than 2,000" meet above 2,400).
 */
export interface Interval {
  lower: number | null
  upper: number | null
  lowerInclusive: boolean
  upperInclusive: boolean
}

export const unbounded: Interval = { lower: null, upper: null, lowerInclusive: false, upperInclusive: false }

/** True when no number lies in the interval. */
export function isEmpty(i: Interval): boolean {
  if (i.lower === null || i.upper === null) return false
  if (i.lower > i.upper) return true
  if (i.lower === i.upper) return !(i.lowerInclusive && i.upperInclusive)
  return false
}

/**
 * The numbers in both; may be empty (check with isEmpty). The tighter lower
 * bound is the larger (exclusive wins a tie), the tighter upper the smaller.
 * Built as one object: reconciling a busy fact intersects thousands of times.
 */
export function intersect(a: Interval, b: Interval): Interval {
  let lower = a.lower
  let lowerInclusive = a.lowerInclusive
  if (lower === null || (b.lower !== null && b.lower > lower)) {
    lower = b.lower
    lowerInclusive = b.lowerInclusive
  } else if (b.lower === lower) lowerInclusive = lowerInclusive && b.lowerInclusive
  let upper = a.upper
  let upperInclusive = a.upperInclusive
  if (upper === null || (b.upper !== null && b.upper < upper)) {
    upper = b.upper
    upperInclusive = b.upperInclusive
  } else if (b.upper === upper) upperInclusive = upperInclusive && b.upperInclusive
  return { lower, lowerInclusive, upper, upperInclusive }
}

/** Intersection of many; the unbounded interval for none. */
export function intersectAll(intervals: readonly Interval[]): Interval {
  let acc = unbounded
  for (const i of intervals) acc = intersect(acc, i)
  return acc
}

/**
 * Do the two statements have a number in common? The same answer as
 * !isEmpty(intersect(a, b)), without building the intersection: ranking asks
 * it for every pair of a fact's claims.
 */
export function consistent(a: Interval, b: Interval): boolean {
  let lower = a.lower
  let lowerInclusive = a.lowerInclusive
  if (lower === null || (b.lower !== null && b.lower > lower)) {
    lower = b.lower
    lowerInclusive = b.lowerInclusive
  } else if (b.lower === lower) lowerInclusive = lowerInclusive && b.lowerInclusive
  let upper = a.upper
  let upperInclusive = a.upperInclusive
  if (upper === null || (b.upper !== null && b.upper < upper)) {
    upper = b.upper
    upperInclusive = b.upperInclusive
  } else if (b.upper === upper) upperInclusive = upperInclusive && b.upperInclusive
  if (lower === null || upper === null || lower < upper) return true
  return lower === upper && lowerInclusive && upperInclusive
}

/** Is x inside the interval? */
export function containsPoint(i: Interval, x: number): boolean {
  if (i.lower !== null && (x < i.lower || (x === i.lower && !i.lowerInclusive))) return false
  if (i.upper !== null && (x > i.upper || (x === i.upper && !i.upperInclusive))) return false
  return true
}

/** Is every number of `inner` also in `outer`? (An empty inner is contained in anything.) */
export function containsInterval(outer: Interval, inner: Interval): boolean {
  if (isEmpty(inner)) return true
  const i = intersect(outer, inner)
  return sameInterval(i, inner)
}

/** Equal as sets of numbers (empty intervals are all equal). */
export function sameInterval(a: Interval, b: Interval): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b)
  return (
    a.lower === b.lower &&
    a.upper === b.upper &&
    (a.lower === null || a.lowerInclusive === b.lowerInclusive) &&
    (a.upper === null || a.upperInclusive === b.upperInclusive)
  )
}

/** A single number, when the interval holds exactly one. */
export function pointValue(i: Interval): number | null {
  return i.lower !== null && i.lower === i.upper && i.lowerInclusive && i.upperInclusive ? i.lower : null
}
