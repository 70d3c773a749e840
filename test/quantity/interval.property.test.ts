import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import fc from 'fast-check'
import {
  consistent, containsInterval, containsPoint, intersect, intersectAll, isEmpty, pointValue, sameInterval, unbounded,
  type Interval,
} from '../../events/quantity/interval.js'

// Bounds drawn from a few small integers so ties (equal bounds, open vs closed) happen often.
const bound = fc.option(fc.integer({ min: -4, max: 4 }), { freq: 4 })
const interval: fc.Arbitrary<Interval> = fc.record({
  lower: bound,
  upper: bound,
  lowerInclusive: fc.boolean(),
  upperInclusive: fc.boolean(),
})

/**
 * Points that witness every interval built from these bounds: each finite
 * bound, each midpoint between two bounds, and points beyond all of them.
 * A non-empty intersection of two intervals contains one of them.
 */
function witnesses(...intervals: Interval[]): number[] {
  const finite = intervals.flatMap((i) => [i.lower, i.upper]).filter((x): x is number => x !== null)
  const points = [...finite, -10, 10, 0]
  for (const a of finite) for (const b of finite) points.push((a + b) / 2)
  return points
}

const inBoth = (a: Interval, b: Interval, x: number) => containsPoint(a, x) && containsPoint(b, x)

t.test('intersection is commutative', async (t) => {
  await assertProperty(t, fc.property(interval, interval, (a, b) => sameInterval(intersect(a, b), intersect(b, a))))
})

t.test('intersection is associative', async (t) => {
  await assertProperty(
    t,
    fc.property(interval, interval, interval, (a, b, c) =>
      sameInterval(intersect(intersect(a, b), c), intersect(a, intersect(b, c))),
    ),
  )
})

t.test('intersection is idempotent', async (t) => {
  await assertProperty(t, fc.property(interval, (a) => sameInterval(intersect(a, a), a)))
})

t.test('the unbounded interval is the identity of intersection', async (t) => {
  await assertProperty(t, fc.property(interval, (a) => sameInterval(intersect(a, unbounded), a) && sameInterval(intersectAll([a]), a)))
})

t.test('a point lies in the intersection exactly when it lies in both operands', async (t) => {
  await assertProperty(
    t,
    fc.property(interval, interval, (a, b) => {
      const i = intersect(a, b)
      return witnesses(a, b).every((x) => containsPoint(i, x) === inBoth(a, b, x))
    }),
  )
})

t.test('the intersection is contained in both operands', async (t) => {
  await assertProperty(
    t,
    fc.property(interval, interval, (a, b) => containsInterval(a, intersect(a, b)) && containsInterval(b, intersect(a, b))),
  )
})

t.test('consistent(a, b) holds exactly when some number lies in both', async (t) => {
  await assertProperty(
    t,
    fc.property(interval, interval, (a, b) => {
      const witnessed = witnesses(a, b).some((x) => inBoth(a, b, x))
      return consistent(a, b) === witnessed && consistent(a, b) === !isEmpty(intersect(a, b))
    }),
  )
})

t.test('containsPoint agrees with intersecting the interval with that point', async (t) => {
  await assertProperty(
    t,
    fc.property(interval, fc.integer({ min: -6, max: 6 }), (a, x) => {
      const point: Interval = { lower: x, upper: x, lowerInclusive: true, upperInclusive: true }
      return containsPoint(a, x) === !isEmpty(intersect(a, point)) && pointValue(point) === x
    }),
  )
})

t.test('isEmpty agrees with the witnesses: an interval is empty exactly when no point lies in it', async (t) => {
  await assertProperty(t, fc.property(interval, (a) => isEmpty(a) === !witnesses(a).some((x) => containsPoint(a, x))))
})

t.test('intersectAll of no intervals is unbounded and of many is the folded intersection', async (t) => {
  t.same(intersectAll([]), unbounded)
  await assertProperty(
    t,
    fc.property(fc.array(interval, { maxLength: 6 }), (list) =>
      witnesses(...list).every((x) => containsPoint(intersectAll(list), x) === list.every((i) => containsPoint(i, x))),
    ),
  )
})

t.test('the seed corpus cases intersect as the design says', async (t) => {
  const exactly = (x: number): Interval => ({ lower: x, upper: x, lowerInclusive: true, upperInclusive: true })
  const moreThan = (x: number): Interval => ({ lower: x, upper: null, lowerInclusive: false, upperInclusive: false })
  t.equal(pointValue(intersect(exactly(21), moreThan(20))), 21, '"21" and "more than 20" meet at 21')
  t.same(intersect(moreThan(2400), moreThan(2000)), moreThan(2400), '"more than 2,400" and "more than 2,000" meet above 2,400')
  t.equal(consistent(exactly(15), exactly(16)), false, 'the planned 15 and the realized 16 conflict')
  t.equal(consistent(moreThan(20), exactly(20)), false, '"more than 20" excludes 20')
})
