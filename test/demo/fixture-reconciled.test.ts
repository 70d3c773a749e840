import t from 'tap'
import { demoClaimIds as claim, demoFactIds as fact, demoFixture } from '../../src/demo/fixture.js'
import { createTestLedger } from '../projections/ledger-builder.js'

/**
 * DESIGN.md "Expected on the demo corpus", computed by the real reducers and
 * policy from the fixture: the expectations live here, never in the fixture.
 * The builder hand-makes RecordedEvents with positions: sources, then facts,
 * then claims, as the demo command appends them.
 */
function demoLedger() {
  const ledger = createTestLedger()
  for (const s of demoFixture.sources) ledger.append('SourceRegistered', s)
  for (const f of demoFixture.facts) ledger.append('FactDefined', f)
  for (const c of demoFixture.claims) ledger.append('ClaimRecorded', c)
  return ledger
}

t.test('the late-November round is 21, confirmed by three publishers, "more than 20" consistent', async (t) => {
  const view = demoLedger().view(fact.novemberRound)
  t.match(view, { display: '21', status: 'confirmed', origins: 3, superseded: [], conflicting: [], excluded: [] })
  t.same(view.supporting, [claim.novemberAp21, claim.novemberUnidentified21, claim.novemberCnnMoreThan20].sort())
  t.same(view.attributedTo, ['U.S. Treasury', 'senior administration officials'])
  t.equal(view.summary, '21 per U.S. Treasury, reported by 3 independent outlets')
  t.match(view.explanation.at(-1)!.detail, 'Less precise but consistent: "more than 20" (CNN, 2024-11-27)')
})

t.test('the September round is 16, with the planned 15 superseded', async (t) => {
  const view = demoLedger().view(fact.septemberRound)
  t.match(view, { display: '16', status: 'single-source', supporting: [claim.septemberRealized16], superseded: [claim.septemberPlanned15], conflicting: [] })
  t.equal(view.summary, '16 (single source: Associated Press; planned 15 superseded by a realized figure)')
  t.match(view.explanation[0], { step: 'superseded', claimIds: [claim.septemberPlanned15, claim.septemberRealized16] })
})

t.test('known at 2024-09-05 the September round shows the planned 15; known later, 16 with 15 superseded', async (t) => {
  const ledger = demoLedger()
  const early = ledger.view(fact.septemberRound, { knownAt: '2024-09-05' })
  t.match(early, { display: '15', status: 'single-source', supporting: [claim.septemberPlanned15], superseded: [] })
  t.same(early.excluded, [{ claimId: claim.septemberRealized16, reason: 'published after 2024-09-05' }])
  t.equal(early.summary, '15 per U.S. Treasury (single source: Bloomberg, relayed by Unidentified outlet; a plan, not yet realized)')
  const later = ledger.view(fact.septemberRound, { knownAt: '2024-12-01' })
  t.match(later, { display: '16', superseded: [claim.septemberPlanned15], excluded: [] })
})

t.test('post-election detentions are "more than 2,400"; the later, weaker "more than 2,000" supports it', async (t) => {
  const view = demoLedger().view(fact.postElectionDetentions)
  t.match(view, { display: 'more than 2,400', status: 'confirmed', origins: 2, conflicting: [], superseded: [] })
  t.same(view.supporting, [claim.arrestedMoreThan2400, claim.detainedMoreThan2000].sort())
  t.match(view.value, { hedge: 'more-than', lower: 2400, upper: null, lowerInclusive: false })
  t.equal(view.summary, 'more than 2,400, consistent across 2 outlets')
  t.match(demoLedger().view(fact.postElectionDetentions, { knownAt: '2024-12-31' }), { display: 'more than 2,400', status: 'single-source' })
})

t.test('the 15 security leaders and the 34 family-member visa restrictions are facts of their own', async (t) => {
  const ledger = demoLedger()
  t.equal(ledger.facts.get(fact.novemberSecurityLeaders)!.subsetOf, fact.novemberRound)
  t.match(ledger.view(fact.novemberSecurityLeaders), { display: '15', status: 'single-source', supporting: [claim.securityLeaders15] })
  t.match(ledger.view(fact.familyVisaRestrictions), { display: '34', status: 'single-source', supporting: [claim.familyVisaPlanned34] })
  t.match(ledger.view(fact.familyVisaRestrictions).summary, 'a plan, not yet realized')
})

t.test('the look-alike totals keep their hedges: nearly 2,000 visa restrictions, 180 officials, up to $15 million', async (t) => {
  const ledger = demoLedger()
  t.match(ledger.view(fact.visaRestrictionsTotal), { display: 'nearly 2,000', status: 'single-source', attributedTo: ['State Department'] })
  t.match(ledger.view(fact.sanctionedOfficialsTotal), { display: '180', status: 'single-source' })
  t.match(ledger.view(fact.maduroReward), { display: 'up to $15 million', value: { unit: 'USD', lower: 0, upper: 15e6 }, attributedTo: ['U.S. prosecutors'] })
})

t.test('misfiled under the September round, the 15 security leaders would look like a conflict; reassigned, they do not', async (t) => {
  const ledger = demoLedger()
  ledger.append('ClaimReassigned', { claimId: claim.securityLeaders15, fromFactId: fact.novemberSecurityLeaders, toFactId: fact.septemberRound, reason: 'test: misfiled' })
  const misfiled = ledger.view(fact.septemberRound)
  t.match(misfiled, { status: 'conflicting', display: '16', conflicting: [claim.securityLeaders15] })
  ledger.append('ClaimReassigned', { claimId: claim.securityLeaders15, fromFactId: fact.septemberRound, toFactId: fact.novemberSecurityLeaders, reason: 'a subset of the November 21' })
  t.match(ledger.view(fact.septemberRound), { status: 'single-source', display: '16', conflicting: [] })
  t.match(ledger.view(fact.novemberSecurityLeaders), { display: '15' })
  t.same(ledger.claims.get(claim.securityLeaders15)!.reassignedFrom, [fact.novemberSecurityLeaders, fact.septemberRound])
})

t.test('every demo view is the same whatever order the claims were recorded in', async (t) => {
  const forwards = demoLedger()
  const backwards = createTestLedger()
  for (const s of [...demoFixture.sources].reverse()) backwards.append('SourceRegistered', s)
  for (const f of [...demoFixture.facts].reverse()) backwards.append('FactDefined', f)
  for (const c of [...demoFixture.claims].reverse()) backwards.append('ClaimRecorded', c)
  for (const f of demoFixture.facts) {
    const a = forwards.view(f.factId)
    const b = backwards.view(f.factId)
    t.same(b, a, f.factId)
  }
})
