import type { Interval } from '../../events/quantity/interval.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import type { Policy } from '../model.js'

/** Tolerance arithmetic leaves float dust (180 * 1.05 = 189.00000000000003); 12 significant digits keep counts and money exact. */
const tidy = (x: number): number => Number(x.toPrecision(12))

/**
 * The interval a claim stands for under the policy in force. "about" and
 * "nearly" are vague by nature: their reach is a policy choice, so it is
 * re-derived from the stated number here (a PolicyAdopted takes effect on
 * every old claim). Every other hedge means exactly its stored interval.
 */
export function intervalUnderPolicy(value: Quantity, policy: Policy): Interval {
  const x = value.stated[0]
  if (value.hedge === 'about' && x !== undefined) {
    const reach = Math.abs(x) * policy.aboutTolerance
    return { lower: tidy(x - reach), upper: tidy(x + reach), lowerInclusive: true, upperInclusive: true }
  }
  if (value.hedge === 'nearly' && x !== undefined) {
    return { lower: tidy(x - Math.abs(x) * policy.nearlyTolerance), upper: x, lowerInclusive: true, upperInclusive: false }
  }
  return { lower: value.lower, upper: value.upper, lowerInclusive: value.lowerInclusive, upperInclusive: value.upperInclusive }
}
