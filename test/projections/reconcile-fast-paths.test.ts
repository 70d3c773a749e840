import t from 'tap'
import fc from 'fast-check'
import { consistent, type Interval, intersect, isEmpty } from '../../events/quantity/interval.js'
import { type Candidate, publishedLater } from '../../projections/facts/candidate.js'
import { instant } from '../../projections/facts/clock.js'
import { rankClaims } from '../../projections/facts/ranking.js'
import { latestOf } from '../../projections/facts/supersession.js'
import { assertProperty } from '../helpers/property.js'

// Reconciliation takes shortcuts on busy facts (no intersection built per
// pair, one corroboration count per distinct figure, latest claims in one
// pass). Each must give exactly what its plain definition gives.

const bound = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null })
const interval: fc.Arbitrary<Interval> = fc.record({ lower: bound, upper: bound, lowerInclusive: fc.boolean(), upperInclusive: fc.boolean() })
const dates = ['2024-09-03', '2024-09-03T08:00:00Z', '2024-09-03T23:00:00+02:00', '2024-09-04', '2024-09-04T00:00:00Z', '2024-09-04T12:30:00Z']

const candidates = fc.array(
  fc.record({ interval, origin: fc.constantFrom('A', 'B', 'C'), publishedAt: fc.constantFrom(...dates), tier: fc.constantFrom(1, 2) }),
  { maxLength: 12 },
).map((rows) =>
  rows.map(
    (r, i) =>
      ({
        claim: { claimId: `c${String(i).padStart(2, '0')}`, modality: 'reported' },
        source: { origin: r.origin, tier: r.tier },
        interval: r.interval,
        publishedAt: r.publishedAt,
        published: instant(r.publishedAt),
        recordedAt: BigInt(i + 1),
        relays: null,
        revision: null,
      }) as unknown as Candidate,
  ),
)

t.test('consistent is !isEmpty(intersect(a, b)) for any two intervals', (t) =>
  assertProperty(t, fc.property(interval, interval, (a, b) => consistent(a, b) === !isEmpty(intersect(a, b)))))

t.test('each ranked claim counts the origins with a consistent figure, as the plain definition does', (t) =>
  assertProperty(
    t,
    fc.property(candidates, (standing) =>
      rankClaims(standing).every(
        (r) => r.corroboration === new Set(standing.filter((o) => !isEmpty(intersect(o.interval, r.candidate.interval))).map((o) => o.source.origin)).size,
      ),
    ),
  ))

t.test('latestOf keeps exactly the claims no other claim was published after', (t) =>
  assertProperty(
    t,
    fc.property(candidates, (claims) => {
      const plain = claims.filter((c) => !claims.some((d) => publishedLater(d, c)))
      const fast = latestOf(claims)
      return fast.length === plain.length && fast.every((c, i) => c === plain[i])
    }),
  ))
