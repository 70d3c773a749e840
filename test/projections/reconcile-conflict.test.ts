import t from 'tap'
import { addClaim, addFact, addSource, createTestLedger, id } from './ledger-builder.js'

const fact = 'round-count'

t.test('tier decides first: the better-tier claim wins and the loser is named with the reason', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publisher: 'Wire', tier: 1, publishedAt: '2024-11-27' })
  addSource(ledger, 2, { publisher: 'Blog', tier: 3, publishedAt: '2024-11-28' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '21', modality: 'reported' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '30', modality: 'official' })
  const view = ledger.view(fact)
  t.match(view, { status: 'conflicting', display: '21', supporting: [id('c', 1)], conflicting: [id('c', 2)], origins: 1 })
  t.same(view.explanation, [
    {
      step: 'conflict',
      detail:
        'No single value fits all 2 standing claims. Chose "21" (Wire, 2024-11-27) (tier 1, reported, 1 corroborating origin(s)) by tier, then modality, corroboration and recency; the value is 21.',
      claimIds: [id('c', 1)],
    },
    {
      step: 'conflict',
      detail: '"30" (Blog, 2024-11-28) loses: inconsistent with 21; ranks below "21" (Wire, 2024-11-27) by tier (1 vs 3).',
      claimIds: [id('c', 2)],
    },
  ])
  t.equal(view.summary, '21 per U.S. Treasury (single source: Wire; 1 conflicting claim set aside, decided by tier (1 vs 3))')
})

t.test('at equal tier, modality decides: official over reported over estimate over planned over allegation', async (t) => {
  const order = ['official', 'reported', 'estimate', 'planned', 'allegation'] as const
  for (let i = 0; i < order.length - 1; i++) {
    const ledger = createTestLedger()
    addFact(ledger, fact)
    // The weaker modality is published first, so no supersession and no recency advantage for the winner.
    addSource(ledger, 1, { publishedAt: '2024-11-28' })
    addSource(ledger, 2, { publishedAt: '2024-11-27' })
    addClaim(ledger, 1, { factId: fact, source: 1, value: '30', modality: order[i + 1]! })
    addClaim(ledger, 2, { factId: fact, source: 2, value: '21', modality: order[i]! })
    const view = ledger.view(fact)
    t.equal(view.display, '21', `${order[i]} over ${order[i + 1]}`)
    t.match(view.explanation.at(-1)!.detail, `by modality (${order[i]} vs ${order[i + 1]})`)
  }
})

t.test('then corroboration: the figure more independent origins agree with wins', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publishedAt: '2024-11-29' })
  addSource(ledger, 2, { publishedAt: '2024-11-28' })
  addSource(ledger, 3, { publishedAt: '2024-11-27' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '21' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '30' })
  addClaim(ledger, 3, { factId: fact, source: 3, value: 'more than 25' })
  const view = ledger.view(fact)
  t.match(view, { display: '30', status: 'conflicting', supporting: [id('c', 2), id('c', 3)], conflicting: [id('c', 1)], origins: 2 })
  t.match(view.explanation.at(-1)!.detail, 'by corroboration (2 origin(s) vs 1)')
})

t.test('then recency: the later publication wins, and at one publication time the later ledger entry', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publishedAt: '2024-11-27' })
  addSource(ledger, 2, { publishedAt: '2024-11-28' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '21' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '30' })
  t.match(ledger.view(fact), { display: '30', conflicting: [id('c', 1)] })
  t.match(ledger.view(fact).explanation.at(-1)!.detail, 'by recency (published 2024-11-28 vs 2024-11-27)')

  const tie = createTestLedger()
  addFact(tie, fact)
  addSource(tie, 1, { publishedAt: '2024-11-27' })
  addSource(tie, 2, { publishedAt: '2024-11-27' })
  addClaim(tie, 2, { factId: fact, source: 2, value: '30' })
  addClaim(tie, 1, { factId: fact, source: 1, value: '21' })
  t.match(tie.view(fact), { display: '21', conflicting: [id('c', 2)] })
  t.match(tie.view(fact).explanation.at(-1)!.detail, 'by recency (recorded later in the ledger)')
})

t.test('the winner is narrowed by every claim still consistent with what is kept, in rank order', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { tier: 1, publishedAt: '2024-11-27' })
  addSource(ledger, 2, { tier: 2, publishedAt: '2024-11-27' })
  addSource(ledger, 3, { tier: 3, publishedAt: '2024-11-27' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'more than 20' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '21' })
  addClaim(ledger, 3, { factId: fact, source: 3, value: '25' })
  const view = ledger.view(fact)
  t.match(view, { status: 'conflicting', display: '21', supporting: [id('c', 1), id('c', 2)], conflicting: [id('c', 3)] })
  t.match(view.value, { hedge: 'exact', stated: [21] })
})

t.test('the conflict explanation names the value as it is displayed, hedge and all', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { tier: 1, publishedAt: '2024-11-27' })
  addSource(ledger, 2, { tier: 2, publishedAt: '2024-11-27' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'nearly 2,000' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '2,100' })
  const view = ledger.view(fact)
  t.match(view, { status: 'conflicting', display: 'nearly 2,000' })
  t.match(view.explanation[0]!.detail, 'the value is nearly 2,000.')
  t.match(view.explanation[1]!.detail, 'inconsistent with nearly 2,000;')
})

t.test('a reprint never outranks what it reprints: a tier-1 paper reprinting a tier-3 wire ranks as the wire, and loses with it', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  addSource(ledger, 1, { publisher: 'Wire', tier: 3, publishedAt: '2024-11-27' })
  addSource(ledger, 2, { publisher: 'Gazette', tier: 1, origin: 'Wire', publishedAt: '2024-11-27' })
  addSource(ledger, 3, { publisher: 'Herald', tier: 2, publishedAt: '2024-11-27' })
  addClaim(ledger, 1, { factId: fact, source: 1, value: '30' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '30', modality: 'official' })
  addClaim(ledger, 3, { factId: fact, source: 3, value: '21' })
  const view = ledger.view(fact)
  t.match(view, { status: 'conflicting', display: '21', supporting: [id('c', 3)], origins: 1 })
  t.same(view.conflicting, [id('c', 1), id('c', 2)])
  t.equal(view.explanation.at(-1)!.detail, 'The reprint "30" (Gazette relaying Wire, 2024-11-27) loses with the claim it reprints, "30" (Wire, 2024-11-27).')
})
