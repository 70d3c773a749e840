import t from 'tap'
import { addClaim, addFact, addSource, createTestLedger, id } from './ledger-builder.js'

const fact = 'round-count'

function conflicted() {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publisher: 'Wire', tier: 1, publishedAt: '2024-11-27' })
  addSource(ledger, 2, { publisher: 'Blog', tier: 3, publishedAt: '2024-11-27' })
  addSource(ledger, 3, { publisher: 'Paper', tier: 2, publishedAt: '2024-11-27' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '21' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '30' })
  addClaim(ledger, 3, { factId: fact, source: 3, value: 'more than 25' })
  return ledger
}

t.test('an editor pin wins over the ranking, and the view lists what it overrides', async (t) => {
  const ledger = conflicted()
  t.equal(ledger.view(fact).display, '21')
  ledger.append('FactPinned', { factId: fact, claimId: id('c', 2), reason: 'the Treasury release says 30' })
  const view = ledger.view(fact)
  t.match(view, { status: 'pinned', display: '30', supporting: [id('c', 2), id('c', 3)], conflicting: [id('c', 1)], superseded: [], origins: 2 })
  t.same(view.explanation, [
    { step: 'pinned', detail: 'An editor pinned "30" (Blog, 2024-11-27): the Treasury release says 30. The pin decides the value.', claimIds: [id('c', 2)] },
    { step: 'conflict', detail: '"21" (Wire, 2024-11-27) disagrees with the pinned figure; the pin decides.', claimIds: [id('c', 1)] },
  ])
  t.equal(view.summary, '30 per U.S. Treasury (pinned by an editor: the Treasury release says 30; 1 conflicting claim set aside)')
})

t.test('unpinning returns the fact to the policy', async (t) => {
  const ledger = conflicted()
  ledger.append('FactPinned', { factId: fact, claimId: id('c', 2), reason: 'x' })
  ledger.append('FactUnpinned', { factId: fact, reason: 'checked again' })
  t.match(ledger.view(fact), { status: 'conflicting', display: '21' })
})

t.test('a pin on a retracted claim is not in force, and the explanation says why', async (t) => {
  const ledger = conflicted()
  ledger.append('FactPinned', { factId: fact, claimId: id('c', 2), reason: 'x' })
  ledger.append('ClaimRetracted', { claimId: id('c', 2), reason: 'the blog withdrew it' })
  const view = ledger.view(fact)
  t.match(view, { status: 'conflicting', display: '21', excluded: [{ claimId: id('c', 2) }] }, 'the ranking decides again')
  t.same(
    view.explanation.find((s) => s.step === 'pinned'),
    { step: 'pinned', detail: `The pin on claim ${id('c', 2)} is not in force: that claim was left out (retracted: the blog withdrew it).`, claimIds: [id('c', 2)] },
  )
})

t.test('a pin on a claim reassigned away is not in force', async (t) => {
  const ledger = conflicted()
  addFact(ledger, 'other-fact')
  ledger.append('FactPinned', { factId: fact, claimId: id('c', 2), reason: 'x' })
  ledger.append('ClaimReassigned', { claimId: id('c', 2), fromFactId: fact, toFactId: 'other-fact', reason: 'misfiled' })
  const view = ledger.view(fact)
  t.not(view.status, 'pinned')
  t.match(view.explanation.find((s) => s.step === 'pinned')!.detail, 'that claim is no longer filed under this fact')
})

t.test('a pin on a claim not yet published at knownAt is not in force then', async (t) => {
  const ledger = conflicted()
  addSource(ledger, 4, { publishedAt: '2024-12-15' })
  addClaim(ledger, 4, { factId: fact, source: 4, value: '22' })
  ledger.append('FactPinned', { factId: fact, claimId: id('c', 4), reason: 'final figure' })
  t.match(ledger.view(fact), { status: 'pinned', display: '22' })
  t.match(ledger.view(fact, { knownAt: '2024-12-01' }), { status: 'conflicting', display: '21' })
})
