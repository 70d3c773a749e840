import assert from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import type { FactView } from '../../projections/model.js'
import { assertProperty } from '../helpers/property.js'
import { addFact, createTestLedger, id, q, type TestLedger } from './ledger-builder.js'

const fact = 'reprinted-fact'
const dates = ['2026-02-01', '2026-02-02', '2026-02-03']
const phrases = ['7', '9', 'at least 7', 'more than 8', 'about 8', 'nearly 10', 'between 6 and 9', 'up to 12', 'fewer than 7', '12']
const modalities = ['official', 'reported', 'estimate', 'planned', 'allegation'] as const
const origins = ['Wire', 'Herald', 'Courier']
const tier = fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>

/**
 * Claims from outlets reporting on their own (publisher = origin) and from
 * outlets relaying one of them, on any dates; then one more reprint of one of
 * the own-reporting claims: another outlet of the same origin, published at
 * the same time, any tier, any relay chain, any figure and modality.
 */
const claimSpec = fc.record({ origin: fc.nat(origins.length - 1), relayed: fc.boolean(), tier, date: fc.nat(dates.length - 1), phrase: fc.constantFrom(...phrases), modality: fc.constantFrom(...modalities) })
const scenario = fc.record({
  claims: fc.array(claimSpec, { minLength: 1, maxLength: 7 }),
  reprint: fc.record({ of: fc.nat(), tier, via: fc.boolean(), phrase: fc.constantFrom(...phrases), modality: fc.constantFrom(...modalities) }),
  validAt: fc.constantFrom(...dates),
})
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never

function record(ledger: TestLedger, n: number, source: { publisher: string; origin: string; tier: 1 | 2 | 3 | 4; publishedAt: string }, claim: { phrase: string; modality: (typeof modalities)[number]; via: string[]; validAt: string }) {
  ledger.append('SourceRegistered', { sourceId: id('s', n), title: `Report ${n}`, ...source })
  ledger.append('ClaimRecorded', {
    claimId: id('c', n), factId: fact, sourceId: id('s', n), citation: { quote: `said ${claim.phrase}`, verified: false }, attributedTo: 'the fire chief',
    value: q(claim.phrase), modality: claim.modality, validAt: claim.validAt, via: claim.via,
  })
}

function build(s: Scenario, withReprint: boolean): { ledger: TestLedger; origin: string | null } {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  s.claims.forEach((c, i) => {
    const origin = origins[c.origin]!
    const publisher = c.relayed ? `${origin} relay ${i + 1}` : origin
    record(ledger, i + 1, { publisher, origin, tier: c.tier, publishedAt: dates[c.date]! }, { phrase: c.phrase, modality: c.modality, via: [], validAt: s.validAt })
  })
  const own = s.claims.map((c, i) => ({ c, n: i + 1 })).filter(({ c }) => !c.relayed)
  const original = own[s.reprint.of % Math.max(1, own.length)]
  if (!withReprint || !original) return { ledger, origin: null }
  const origin = origins[original.c.origin]!
  const r = s.reprint
  record(ledger, 100, { publisher: 'Harbour Daily', origin, tier: r.tier, publishedAt: dates[original.c.date]! }, { phrase: r.phrase, modality: r.modality, via: r.via ? [origin] : [], validAt: s.validAt })
  return { ledger, origin }
}

/** What a view says about the figure: the interval and how much stands behind it. */
const figureOf = (v: FactView) => ({ value: v.value && { lower: v.value.lower, upper: v.value.upper, lowerInclusive: v.value.lowerInclusive, upperInclusive: v.value.upperInclusive }, status: v.status, origins: v.origins })

t.test('a reprint published at the same time as its origin never changes the figure the view gives, whatever its tier, relay chain or figure', async (t) => {
  await assertProperty(
    t,
    fc.property(scenario, (s) => {
      const without = build(s, false).ledger.view(fact)
      const { ledger, origin } = build(s, true)
      fc.pre(origin !== null)
      const view = ledger.view(fact)
      assert.deepStrictEqual(figureOf(view), figureOf(without))
      assert.ok(view.supporting.includes(id('c', 100)) || view.conflicting.includes(id('c', 100)) || view.superseded.includes(id('c', 100)), 'the reprint is accounted for')
      return true
    }),
    { numRuns: 500 },
  )
})
