import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import fc from 'fast-check'
import { containsInterval } from '../../events/quantity/interval.js'
import { intervalUnderPolicy } from '../../projections/facts/claim-interval.js'
import { reconcileFact } from '../../projections/facts/reconcile.js'
import { FactView, type SourceDoc } from '../../projections/model.js'
import { addClaim, addFact, addSource, createTestLedger, id, q, type TestLedger } from './ledger-builder.js'

const fact = 'prop-fact'
const dates = ['2024-09-03', '2024-09-10', '2024-11-27', '2024-11-28', '2025-04-30']
const phrases = ['15', '16', '21', 'more than 20', 'at least 21', 'fewer than 30', 'about 20', 'nearly 21', 'between 15 and 20', 'up to 25', 'more than 2,000']
const modalities = ['official', 'reported', 'estimate', 'planned', 'allegation'] as const

const scenario = fc.record({
  timeVarying: fc.boolean(),
  sources: fc.array(
    fc.record({ origin: fc.constantFrom('A', 'B', 'C', 'D'), tier: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, date: fc.constantFrom(...dates), retracted: fc.boolean() }),
    { minLength: 1, maxLength: 5 },
  ),
  claims: fc.array(
    fc.record({
      source: fc.nat(),
      phrase: fc.constantFrom(...phrases),
      modality: fc.constantFrom(...modalities),
      validAt: fc.constantFrom(...dates),
      retracted: fc.boolean(),
      corrected: fc.option(fc.constantFrom(...phrases), { nil: undefined }),
    }),
    { maxLength: 8 },
  ),
  pin: fc.option(fc.nat(), { nil: undefined }),
  knownAt: fc.option(fc.constantFrom(...dates), { nil: null }),
  validAt: fc.option(fc.constantFrom(...dates), { nil: null }),
  aboutTolerance: fc.constantFrom(0.05, 0.2),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never

function build(s: Scenario): TestLedger {
  const ledger = createTestLedger()
  addFact(ledger, fact, { timeVarying: s.timeVarying })
  s.sources.forEach((src, i) => addSource(ledger, i + 1, { publisher: `Outlet ${i + 1}`, origin: src.origin, tier: src.tier, publishedAt: src.date }))
  s.claims.forEach((c, i) => {
    addClaim(ledger, i + 1, { factId: fact, source: (c.source % s.sources.length) + 1, value: c.phrase, modality: c.modality, validAt: c.validAt })
  })
  if (s.pin !== undefined && s.claims.length > 0) ledger.append('FactPinned', { factId: fact, claimId: id('c', (s.pin % s.claims.length) + 1), reason: 'editor choice' })
  s.claims.forEach((c, i) => {
    if (c.corrected && c.corrected !== c.phrase) {
      ledger.append('ClaimCorrected', { claimId: id('c', i + 1), reason: 'transcription', changes: { value: q(c.corrected) } })
    }
    if (c.retracted) ledger.append('ClaimRetracted', { claimId: id('c', i + 1), reason: 'withdrawn' })
  })
  s.sources.forEach((src, i) => {
    if (src.retracted) ledger.append('SourceRetracted', { sourceId: id('s', i + 1), retractedAt: '2024-12-01', reason: 'withdrawn' })
  })
  ledger.append('PolicyAdopted', { policyVersion: 3, aboutTolerance: s.aboutTolerance, note: 'property test' })
  return ledger
}

function viewWith(ledger: TestLedger, s: Scenario, claimOrder: number[], sourceOrder: number[]): FactView {
  const claims = ledger.claimsOf(fact)
  const sourceDocs = [...ledger.sources.values()]
  return reconcileFact({
    fact: ledger.facts.get(fact)!,
    // A permutation: the claims picked by claimOrder first, then the rest.
    claims: [...new Set([...claimOrder.flatMap((i) => (claims.length > 0 ? [claims[i % claims.length]!] : [])), ...claims])],
    sources: new Map<string, SourceDoc>([...new Set([...sourceOrder.map((i) => sourceDocs[i % sourceDocs.length]!), ...sourceDocs])].map((d) => [d.sourceId, d])),
    policy: ledger.policy,
    position: ledger.position,
    knownAt: s.knownAt,
    validAt: s.validAt,
  })
}

t.test('the view does not depend on the order claims and sources are passed in', async (t) => {
  await assertProperty(
    t,
    fc.property(scenario, fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 6 }), (s, claimOrder, sourceOrder) => {
      const ledger = build(s)
      const reference = ledger.view(fact, { knownAt: s.knownAt, validAt: s.validAt })
      const shuffled = viewWith(ledger, s, claimOrder, sourceOrder)
      return JSON.stringify(shuffled) === JSON.stringify(reference)
    }),
    { numRuns: 300 },
  )
})

t.test('every claim ends up in exactly one of supporting, superseded, conflicting or excluded', async (t) => {
  await assertProperty(
    t,
    fc.property(scenario, (s) => {
      const ledger = build(s)
      const view = ledger.view(fact, { knownAt: s.knownAt, validAt: s.validAt })
      const placed = [...view.supporting, ...view.superseded, ...view.conflicting, ...view.excluded.map((e) => e.claimId)].sort()
      return JSON.stringify(placed) === JSON.stringify(ledger.claimsOf(fact).map((c) => c.claimId).sort())
    }),
    { numRuns: 300 },
  )
})

t.test('the view is valid JSON of the FactView schema, and its value lies within every supporting claim', async (t) => {
  await assertProperty(
    t,
    fc.property(scenario, (s) => {
      const ledger = build(s)
      const view = ledger.view(fact, { knownAt: s.knownAt, validAt: s.validAt })
      const parsed = FactView.safeParse(JSON.parse(JSON.stringify(view)))
      if (!parsed.success) return false
      if (view.status === 'no-claims') return view.value === null && view.display === '—' && view.supporting.length === 0
      if (view.status === 'confirmed' && view.origins < 2) return false
      if (view.status === 'single-source' && view.origins !== 1) return false
      if (view.status === 'pinned') return true // the pinned claim's own figure; others merely consistent with it
      return view.supporting.every((cid) => containsInterval(intervalUnderPolicy(ledger.claims.get(cid)!.value, ledger.policy), view.value!))
    }),
    { numRuns: 300 },
  )
})
