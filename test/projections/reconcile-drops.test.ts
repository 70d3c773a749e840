import t from 'tap'
import { reconcileFact } from '../../projections/facts/reconcile.js'
import { defaultPolicy } from '../../projections/model.js'
import { addClaim, addFact, addSource, createTestLedger, id, q } from './ledger-builder.js'

const fact = 'round-count'

function twoOutlets() {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publisher: 'Wire', publishedAt: '2024-09-03' })
  addSource(ledger, 2, { publisher: 'Paper', publishedAt: '2024-11-27' })
  return ledger
}

t.test('a fact without claims has status no-claims and displays a dash', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  const view = ledger.view(fact)
  t.match(view, { status: 'no-claims', display: '—', value: null, origins: 0, supporting: [], summary: 'no claims yet', policyVersion: 2 })
  t.same(view.explanation, [{ step: 'no-claims', detail: 'No claims are filed under this fact.', claimIds: [] }])
  t.same(view.asOf, { position: '1', knownAt: null, validAt: null })
})

t.test('a retracted claim is left out with its reason and the rest is reconciled', async (t) => {
  const ledger = twoOutlets()
  addClaim(ledger, 1, { factId: fact, source: 1, value: '15' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '16' })
  ledger.append('ClaimRetracted', { claimId: id('c', 2), reason: 'the paper withdrew the figure' })
  const view = ledger.view(fact)
  t.equal(view.display, '15')
  t.same(view.excluded, [{ claimId: id('c', 2), reason: 'retracted: the paper withdrew the figure' }])
  t.same(view.supporting, [id('c', 1)])
  t.same(view.explanation[0], {
    step: 'dropped',
    detail: 'Left out "16" (Paper, 2024-11-27): retracted: the paper withdrew the figure.',
    claimIds: [id('c', 2)],
  })
})

t.test('claims of a retracted source are left out', async (t) => {
  const ledger = twoOutlets()
  addClaim(ledger, 1, { factId: fact, source: 1, value: '15' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '16' })
  ledger.append('SourceRetracted', { sourceId: id('s', 1), retractedAt: '2024-12-01', reason: 'fabricated' })
  const view = ledger.view(fact)
  t.equal(view.display, '16')
  t.same(view.excluded, [{ claimId: id('c', 1), reason: 'its source was retracted on 2024-12-01: fabricated' }])
})

t.test('knownAt leaves out what was published after it, and counts the whole knownAt day as known', async (t) => {
  const ledger = twoOutlets()
  addClaim(ledger, 1, { factId: fact, source: 1, value: '15', modality: 'planned' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '16' })
  const early = ledger.view(fact, { knownAt: '2024-09-05' })
  t.equal(early.display, '15')
  t.same(early.excluded, [{ claimId: id('c', 2), reason: 'published after 2024-09-05' }])
  t.same(early.asOf, { position: String(ledger.position), knownAt: '2024-09-05', validAt: null })
  t.equal(ledger.view(fact, { knownAt: '2024-09-03' }).display, '15', 'published on the knownAt day')
  t.equal(ledger.view(fact, { knownAt: '2024-09-02T23:59:59Z' }).status, 'no-claims')
  t.equal(ledger.view(fact, { knownAt: '2024-09-02T23:59:59Z' }).summary, 'no standing claims (2 left out)')
})

t.test('a source retraction dated after knownAt was not yet public: the claim still stood then', async (t) => {
  const ledger = twoOutlets()
  addClaim(ledger, 1, { factId: fact, source: 1, value: '15' })
  ledger.append('SourceRetracted', { sourceId: id('s', 1), retractedAt: '2024-12-01', reason: 'fabricated' })
  t.equal(ledger.view(fact, { knownAt: '2024-10-01' }).display, '15')
  t.equal(ledger.view(fact, { knownAt: '2024-12-01' }).status, 'no-claims')
})

t.test('corrections apply, at every knownAt, and the explanation says what changed and why', async (t) => {
  const ledger = twoOutlets()
  addClaim(ledger, 1, { factId: fact, source: 1, value: '15' })
  ledger.append('ClaimCorrected', { claimId: id('c', 1), reason: 'misread 16 as 15', changes: { value: q('16') } })
  for (const knownAt of [null, '2024-09-03']) {
    const view = ledger.view(fact, { knownAt })
    t.equal(view.display, '16', `knownAt ${knownAt}`)
    t.same(view.explanation[0], {
      step: 'corrected',
      detail: 'Applied a correction to "16" (Wire, 2024-09-03): the figure changed from "15" to "16". It fixes our transcription, so it applies on every publication date: the source always said this. Reason: misread 16 as 15.',
      claimIds: [id('c', 1)],
    })
  }
})

t.test('a claim reassigned away leaves the old fact and counts under the new one', async (t) => {
  const ledger = twoOutlets()
  addFact(ledger, 'security-leaders')
  addClaim(ledger, 1, { factId: fact, source: 2, value: '21' })
  addClaim(ledger, 2, { factId: fact, source: 1, value: '15' })
  t.equal(ledger.view(fact).status, 'conflicting', 'misfiled, the 15 contradicts the 21')
  ledger.append('ClaimReassigned', { claimId: id('c', 2), fromFactId: fact, toFactId: 'security-leaders', reason: 'a subset of the 21' })
  t.match(ledger.view(fact), { display: '21', status: 'single-source', supporting: [id('c', 1)], conflicting: [] })
  t.match(ledger.view('security-leaders'), { display: '15', supporting: [id('c', 2)] })
})

t.test('the caller must pass claims of this fact and their sources', async (t) => {
  const ledger = twoOutlets()
  addFact(ledger, 'other-fact')
  addClaim(ledger, 1, { factId: 'other-fact', source: 1, value: '15' })
  const base = { fact: ledger.facts.get(fact)!, sources: ledger.sources, policy: defaultPolicy, position: 1n }
  t.throws(() => reconcileFact({ ...base, claims: [ledger.claims.get(id('c', 1))!] }), /filed under other-fact, not round-count/)
  t.throws(
    () => reconcileFact({ ...base, fact: ledger.facts.get('other-fact')!, claims: [ledger.claims.get(id('c', 1))!], sources: new Map() }),
    /cites source .*, which the caller did not pass/,
  )
})
