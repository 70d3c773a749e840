import t from 'tap'
import { addClaim, addFact, addSource, createTestLedger, id } from './ledger-builder.js'

const total = 'sanctioned-total'

function runningTotal() {
  const ledger = createTestLedger()
  addFact(ledger, total, { timeVarying: true })
  addSource(ledger, 1, { publishedAt: '2024-09-03' })
  addSource(ledger, 2, { publishedAt: '2024-11-27' })
  addSource(ledger, 3, { publishedAt: '2024-11-28' })
  addClaim(ledger, 1, { factId: total, source: 1, value: '140', validAt: '2024-09-01' })
  addClaim(ledger, 2, { factId: total, source: 2, value: '180', validAt: '2024-11-27' })
  addClaim(ledger, 3, { factId: total, source: 3, value: 'about 180', validAt: '2024-11-27' })
  return ledger
}

t.test('a running figure shows its latest valid time; earlier figures are history, not conflict', async (t) => {
  const view = runningTotal().view(total)
  t.match(view, { display: '180', status: 'confirmed', origins: 2, conflicting: [], superseded: [] })
  t.same(view.supporting, [id('c', 2), id('c', 3)])
  t.same(view.excluded, [{ claimId: id('c', 1), reason: 'history: valid at 2024-09-01, before 2024-11-27' }])
  t.same(view.explanation[0], {
    step: 'valid-time',
    detail: 'Running figure: the view is at valid time 2024-11-27, the latest. 1 earlier valid time(s) are its history, not a conflict.',
    claimIds: [id('c', 2), id('c', 3)],
  })
})

t.test('validAt picks the latest valid time at or before it, the whole day included', async (t) => {
  const ledger = runningTotal()
  const october = ledger.view(total, { validAt: '2024-10-01' })
  t.match(october, { display: '140', status: 'single-source', asOf: { validAt: '2024-10-01' } })
  t.same(october.excluded, [
    { claimId: id('c', 2), reason: 'valid after 2024-10-01' },
    { claimId: id('c', 3), reason: 'valid after 2024-10-01' },
  ])
  t.equal(ledger.view(total, { validAt: '2024-11-27' }).display, '180')
  t.equal(ledger.view(total, { validAt: '2024-08-01' }).status, 'no-claims')
  t.match(ledger.view(total, { validAt: '2024-08-01' }).explanation[0], { step: 'valid-time', detail: 'Running figure: no claim is about a time at or before 2024-08-01.' })
})

t.test('when the latest figures are retracted the one before them shows', async (t) => {
  const ledger = runningTotal()
  ledger.append('ClaimRetracted', { claimId: id('c', 2), reason: 'wrong' })
  ledger.append('ClaimRetracted', { claimId: id('c', 3), reason: 'wrong too' })
  t.equal(ledger.view(total).display, '140')
})

t.test('for a fact that is not time-varying, validAt only leaves out claims about a later time', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, 'detentions')
  addSource(ledger, 1, { publishedAt: '2024-09-03' })
  addSource(ledger, 2, { publishedAt: '2025-04-30' })
  addClaim(ledger, 1, { factId: 'detentions', source: 1, value: 'more than 2,400', validAt: '2024-09-03' })
  addClaim(ledger, 2, { factId: 'detentions', source: 2, value: 'more than 2,000', validAt: '2025-04-30' })
  const view = ledger.view('detentions', { validAt: '2024-12-31' })
  t.match(view, { display: 'more than 2,400', status: 'single-source' })
  t.same(view.excluded, [{ claimId: id('c', 2), reason: 'valid after 2024-12-31' }])
  t.same(view.explanation[0], { step: 'valid-time', detail: 'Left out 1 claim(s) about a time after 2024-12-31.', claimIds: [id('c', 2)] })
  const all = ledger.view('detentions', { validAt: '2025-12-31' })
  t.match(all, { status: 'confirmed', excluded: [] })
  t.equal(all.explanation[0]!.detail, 'Every claim is about a time at or before 2025-12-31.')
  t.notOk(ledger.view('detentions').explanation.some((s) => s.step === 'valid-time'), 'no valid-time step without validAt')
})
