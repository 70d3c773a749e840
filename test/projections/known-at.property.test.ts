import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import t from 'tap'
import type { FactView } from '../../projections/model.js'
import { assertProperty } from '../helpers/property.js'
import { addFact, createTestLedger, id, q, type TestLedger } from './ledger-builder.js'

const fact = 'homes-without-power'
const days = ['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-07']
const phrases = ['400', '4,000', 'more than 300', 'about 400', 'at least 4,000', 'between 350 and 450', 'nearly 4,000', 'up to 500']
const modalities = ['official', 'reported', 'estimate', 'planned'] as const
const tier = fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>
const claim = fc.record({ phrase: fc.constantFrom(...phrases), modality: fc.constantFrom(...modalities), validAt: fc.nat(days.length - 1) })
/** Days after knownAt (1 = the next day). */
const later = fc.integer({ min: 1, max: 3 })

/**
 * A ledger, and what was published after `knownAt` on top of it: reports of
 * sources published later, quotes found only in a revision made later, and
 * retractions and corrections that follow a source's correction published
 * later. Editorial acts (our own corrections and retractions) are in the base.
 */
const scenario = fc.record({
  knownAt: fc.nat(days.length - 4),
  timeVarying: fc.boolean(),
  sources: fc.array(fc.record({ origin: fc.constantFrom('Wire', 'Herald', 'Courier'), tier, day: fc.nat(days.length - 1), retracted: fc.option(fc.nat(days.length - 1), { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
  claims: fc.array(fc.record({ source: fc.nat(), claim, ownFix: fc.option(fc.constantFrom(...phrases), { nil: undefined }), ownRetraction: fc.boolean() }), { maxLength: 6 }),
  laterSources: fc.array(fc.record({ origin: fc.constantFrom('Wire', 'Herald', 'Gazette'), tier, after: later, claims: fc.array(claim, { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
  revisions: fc.array(fc.record({ source: fc.nat(), after: later, claims: fc.array(claim, { maxLength: 2 }) }), { maxLength: 2 }),
  sourceCorrections: fc.array(fc.record({ claim: fc.nat(), after: later, retract: fc.boolean(), phrase: fc.constantFrom(...phrases) }), { maxLength: 3 }),
  sourceRetraction: fc.option(fc.record({ source: fc.nat(), after: later }), { nil: undefined }),
  validAt: fc.option(fc.nat(days.length - 1), { nil: null }),
})
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never
type ClaimSpec = Scenario['claims'][number]['claim']

const dayAfter = (s: Scenario, from: number, after: number) => days[Math.min(days.length - 1, Math.max(from, s.knownAt + after))]!

function recordClaim(ledger: TestLedger, n: number, sourceId: string, c: ClaimSpec, snapshotVersion?: number) {
  ledger.append('ClaimRecorded', {
    claimId: id('c', n), factId: fact, sourceId, attributedTo: 'the utility', value: q(c.phrase), modality: c.modality, validAt: days[c.validAt]!,
    citation: { quote: `said ${c.phrase}`, verified: false, ...(snapshotVersion !== undefined && { snapshotVersion }) },
  })
}

function build(s: Scenario, withLater: boolean): TestLedger {
  const ledger = createTestLedger()
  addFact(ledger, fact, { timeVarying: s.timeVarying })
  s.sources.forEach((src, i) => {
    ledger.append('SourceRegistered', { sourceId: id('s', i + 1), publisher: src.origin, title: `Report ${i + 1}`, publishedAt: days[src.day]!, origin: src.origin, tier: src.tier })
  })
  const sourceOf = (k: number) => (k % s.sources.length) + 1
  s.claims.forEach((c, i) => {
    recordClaim(ledger, i + 1, id('s', sourceOf(c.source)), c.claim)
    if (c.ownFix && c.ownFix !== c.claim.phrase) ledger.append('ClaimCorrected', { claimId: id('c', i + 1), reason: 'we misread it', changes: { value: q(c.ownFix) } })
    if (c.ownRetraction) ledger.append('ClaimRetracted', { claimId: id('c', i + 1), reason: 'filed in error' })
  })
  if (withLater) {
    s.laterSources.forEach((src, i) => {
      const n = 50 + i
      ledger.append('SourceRegistered', { sourceId: id('s', n), publisher: src.origin, title: `Later ${n}`, publishedAt: dayAfter(s, 0, src.after), origin: src.origin, tier: src.tier })
      src.claims.forEach((c, j) => recordClaim(ledger, 100 + 10 * i + j, id('s', n), c))
    })
    const revisionsOf = new Map<number, number>()
    s.revisions.forEach((r, i) => {
      const n = sourceOf(r.source)
      const revision = (revisionsOf.get(n) ?? 0) + 1
      revisionsOf.set(n, revision)
      const text = `revised text ${i}`
      const revisedAt = dayAfter(s, s.sources[n - 1]!.day, r.after)
      ledger.append('SourceRevised', { sourceId: id('s', n), revisedAt, note: 'the outlet updated its story', snapshot: { text, sha256: createHash('sha256').update(text).digest('hex') } })
      r.claims.forEach((c, j) => recordClaim(ledger, 200 + 10 * i + j, id('s', n), c, revision))
    })
    const corrected = new Set<number>()
    for (const sc of s.sourceCorrections) {
      const i = s.claims.length > 0 ? sc.claim % s.claims.length : -1
      if (i < 0 || s.claims[i]!.ownRetraction || corrected.has(i)) continue
      corrected.add(i)
      const effectiveAt = dayAfter(s, s.sources[sourceOf(s.claims[i]!.source) - 1]!.day, sc.after)
      const publishedCorrection = { effectiveAt }
      if (sc.retract) ledger.append('ClaimRetracted', { claimId: id('c', i + 1), reason: 'the outlet withdrew the figure', publishedCorrection })
      else if (sc.phrase !== (s.claims[i]!.ownFix ?? s.claims[i]!.claim.phrase)) ledger.append('ClaimCorrected', { claimId: id('c', i + 1), reason: 'the outlet corrected it', changes: { value: q(sc.phrase) }, publishedCorrection })
    }
  }
  s.sources.forEach((src, i) => {
    if (src.retracted !== undefined) ledger.append('SourceRetracted', { sourceId: id('s', i + 1), retractedAt: days[src.retracted]!, reason: 'withdrawn' })
  })
  const withdrawn = s.sourceRetraction && sourceOf(s.sourceRetraction.source)
  if (withLater && withdrawn && s.sources[withdrawn - 1]!.retracted === undefined) {
    ledger.append('SourceRetracted', { sourceId: id('s', withdrawn), retractedAt: dayAfter(s, 0, s.sourceRetraction!.after), reason: 'the outlet withdrew the story' })
  }
  return ledger
}

/** Everything a view says about the figure; `excluded` and the explanation may name later reports as not yet published. */
const said = (v: FactView) => ({
  value: v.value, display: v.display, status: v.status, origins: v.origins, attributedTo: v.attributedTo,
  supporting: v.supporting, superseded: v.superseded, conflicting: v.conflicting, disputes: v.disputes,
})

t.test('what was published after knownAt (a report, a revision and its quotes, a source correction, a source retraction) never reaches the knownAt view', async (t) => {
  await assertProperty(
    t,
    fc.property(scenario, (s) => {
      const clocks = { knownAt: days[s.knownAt]!, validAt: s.validAt === null ? null : days[s.validAt]! }
      assert.deepStrictEqual(said(build(s, true).view(fact, clocks)), said(build(s, false).view(fact, clocks)))
      return true
    }),
    { numRuns: 400 },
  )
})
