import t from 'tap'
import { addClaim, addFact, addSource, createTestLedger, id } from './ledger-builder.js'

const fact = 'round-count'

t.test('a later report from the same origin supersedes its earlier one', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publisher: 'Wire', publishedAt: '2024-09-03' })
  addSource(ledger, 2, { publisher: 'Wire', publishedAt: '2024-09-10' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '17' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '15' })
  const view = ledger.view(fact)
  t.match(view, { display: '17', status: 'single-source', superseded: [id('c', 1)], supporting: [id('c', 2)], conflicting: [] })
  t.same(view.explanation[0], {
    step: 'superseded',
    detail: '"15" (Wire, 2024-09-03) is superseded by a later report from the same origin (Wire): "17" (Wire, 2024-09-10).',
    claimIds: [id('c', 1), id('c', 2)],
  })
})

t.test('two publishers of one wire story are one origin: the story counts once', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publisher: 'Wire', publishedAt: '2024-11-27' })
  addSource(ledger, 2, { publisher: 'City Paper', origin: 'Wire', publishedAt: '2024-11-27' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '21' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '21' })
  const view = ledger.view(fact)
  t.match(view, { display: '21', status: 'single-source', origins: 1, summary: '21 per U.S. Treasury (single source: Wire, reprinted by City Paper)' })
  t.same(view.superseded, [], 'same publication time and the same figure: the reprint stands with its origin, superseding nothing')
  t.same(view.supporting, [id('c', 1), id('c', 2)])
  t.same(view.explanation.slice(-2).map((s) => s.detail), [
    'One claim stands, "21" (Wire, 2024-11-27): the value is 21, from a single source.',
    'The reprint "21" (City Paper relaying Wire, 2024-11-27) stands with the claim it reprints, "21" (Wire, 2024-11-27), and adds no report of its own.',
  ])
})

t.test('a realized figure published later supersedes a planned one from another origin', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publisher: 'Relay', origin: 'Bloomberg', publishedAt: '2024-09-03', tier: 3 })
  addSource(ledger, 2, { publisher: 'AP', publishedAt: '2024-11-27', tier: 1 })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '15', modality: 'planned' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '16', modality: 'reported', attributedTo: 'AP' })
  const view = ledger.view(fact)
  t.match(view, { display: '16', status: 'single-source', superseded: [id('c', 1)], supporting: [id('c', 2)] })
  t.same(view.explanation[0], {
    step: 'superseded',
    detail: 'The planned figure "15" (Relay relaying Bloomberg, 2024-09-03) is superseded by the realized figure "16" (AP, 2024-11-27), published later.',
    claimIds: [id('c', 1), id('c', 2)],
  })
  t.equal(view.summary, '16 (single source: AP; planned 15 superseded by a realized figure)')
})

t.test('an estimate is superseded like a plan; an allegation is not', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publishedAt: '2024-09-03' })
  addSource(ledger, 2, { publishedAt: '2024-09-04' })
  addSource(ledger, 3, { publishedAt: '2024-11-27' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'about 30', modality: 'estimate' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '40', modality: 'allegation' })
  addClaim(ledger, 3, { factId: fact, source: 3, value: '21', modality: 'official' })
  const view = ledger.view(fact)
  t.same(view.superseded, [id('c', 1)])
  t.equal(view.status, 'conflicting', 'the allegation still stands and disagrees')
  t.same(view.conflicting, [id('c', 2)])
})

t.test('a planned figure published after the realized one is not superseded', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publishedAt: '2024-11-27', tier: 1 })
  addSource(ledger, 2, { publishedAt: '2024-11-28', tier: 2 })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '16', modality: 'official' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '15', modality: 'planned' })
  const view = ledger.view(fact)
  t.match(view, { superseded: [], status: 'conflicting', display: '16', conflicting: [id('c', 2)] })
})

t.test('a realized figure consistent with the plan still supersedes it and the view says so', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publishedAt: '2024-09-03' })
  addSource(ledger, 2, { publishedAt: '2024-11-27' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'more than 10', modality: 'planned' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '16', modality: 'official' })
  t.match(ledger.view(fact), { display: '16', status: 'single-source', superseded: [id('c', 1)], origins: 1 })
})

t.test('claims superseded by the same claim under the same rule share one step that lists them all, superseding claim last', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publisher: 'Wire', publishedAt: '2024-09-01' })
  addSource(ledger, 2, { publisher: 'Wire', publishedAt: '2024-09-02' })
  addSource(ledger, 3, { publisher: 'Wire', publishedAt: '2024-09-10' })
  addSource(ledger, 4, { publisher: 'Relay', origin: 'Bloomberg', publishedAt: '2024-09-03' })
  addSource(ledger, 5, { publisher: 'Desk', origin: 'Reuters', publishedAt: '2024-09-04' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '15' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '16' })
  addClaim(ledger, 3, { factId: fact, source: 3, value: '17' })
  addClaim(ledger, 4, { factId: fact, source: 4, value: '12', modality: 'planned' })
  addClaim(ledger, 5, { factId: fact, source: 5, value: 'about 17', modality: 'estimate' })
  const view = ledger.view(fact)
  t.same(view.superseded, [id('c', 1), id('c', 2), id('c', 4), id('c', 5)], 'every superseded claim is still listed')
  t.same(view.explanation.filter((s) => s.step === 'superseded'), [
    {
      step: 'superseded',
      detail: '2 earlier reports from the same origin (Wire) are superseded by its latest: "17" (Wire, 2024-09-10).',
      claimIds: [id('c', 1), id('c', 2), id('c', 3)],
    },
    {
      step: 'superseded',
      detail: '2 estimate or planned figures are superseded by the realized figure "17" (Wire, 2024-09-10), published later.',
      claimIds: [id('c', 4), id('c', 5), id('c', 3)],
    },
  ])
})
