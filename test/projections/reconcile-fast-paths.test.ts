import t from 'tap'
import fc from 'fast-check'
import { consistent, type Interval, intersect, isEmpty } from '../../events/quantity/interval.js'
import { type Candidate, publishedLater } from '../../projections/facts/candidate.js'
import { instant } from '../../projections/facts/clock.js'
import { rankClaims } from '../../projections/facts/ranking.js'
import { latestOf, supersede } from '../../projections/facts/supersession.js'
import { assertProperty } from '../helpers/property.js'

// Reconciliation takes shortcuts on busy facts (no intersection built per
// pair, one corroboration count per distinct figure, latest claims in one
// pass, one superseding claim looked up per publication date). Each must give
// exactly what its plain definition gives.

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

const modalities = ['official', 'reported', 'estimate', 'planned', 'allegation'] as const
/** Claims from origins of their own (so only the realized-over-provisional rule can supersede), dated by day or to the minute. */
const oneClaimPerOrigin = fc.array(fc.record({ interval, publishedAt: fc.constantFrom(...dates), modality: fc.constantFrom(...modalities) }), { maxLength: 14 }).map((rows) =>
  rows.map(
    (r, i) =>
      ({
        claim: { claimId: `c${String(i).padStart(2, '0')}`, modality: r.modality, value: { text: String(i) }, via: [] },
        source: { origin: `o${i}`, tier: 1, publisher: `Outlet ${i}`, publishedAt: r.publishedAt },
        interval: r.interval,
        publishedAt: r.publishedAt,
        published: instant(r.publishedAt),
        recordedAt: BigInt(i + 1),
        relays: null,
        revision: null,
      }) as unknown as Candidate,
  ),
)

t.test('each provisional claim is superseded by the first realized claim published after it, as asking claim by claim does', (t) =>
  assertProperty(
    t,
    fc.property(oneClaimPerOrigin, (standing) => {
      const realized = standing.filter((c) => c.claim.modality === 'official' || c.claim.modality === 'reported')
      const byClaim = (a: Candidate, b: Candidate) => (a.claim.claimId < b.claim.claimId ? -1 : 1)
      const expected = new Map<string, string>()
      for (const c of standing) {
        if (c.claim.modality !== 'planned' && c.claim.modality !== 'estimate') continue
        // Not a total order (a bare date ties with every time that day), so the fold's order matters: the claims' own.
        const by = realized
          .filter((r) => publishedLater(r, c))
          .reduce<Candidate | undefined>((first, r) => (!first || publishedLater(first, r) || (!publishedLater(r, first) && byClaim(r, first) < 0) ? r : first), undefined)
        if (by) expected.set(c.claim.claimId, by.claim.claimId)
      }
      const found = new Map(supersede(standing).superseded.map((s) => [s.claim.claim.claimId, s.by.claim.claimId]))
      return found.size === expected.size && [...expected].every(([claim, by]) => found.get(claim) === by)
    }),
  ))
