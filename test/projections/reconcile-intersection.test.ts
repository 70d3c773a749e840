import t from 'tap'
import { addClaim, addFact, addSource, createTestLedger, id } from './ledger-builder.js'

const fact = 'round-count'

function outlets(n: number) {
  const ledger = createTestLedger()
  addFact(ledger, fact)
  for (let i = 1; i <= n; i++) addSource(ledger, i, { publisher: `Outlet ${i}`, publishedAt: `2024-11-2${i}` })
  return ledger
}

t.test('exact and hedged claims that agree meet at the tightest value, confirmed by independent origins', async (t) => {
  const ledger = outlets(3)
  addClaim(ledger, 1, { factId: fact, source: 1, value: '21', attributedTo: 'U.S. Treasury' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: 'more than 20', attributedTo: 'senior administration officials' })
  addClaim(ledger, 3, { factId: fact, source: 3, value: '21', attributedTo: 'U.S. Treasury' })
  const view = ledger.view(fact)
  t.match(view, { display: '21', status: 'confirmed', origins: 3, superseded: [], conflicting: [], excluded: [] })
  t.match(view.value, { hedge: 'exact', stated: [21], lower: 21, upper: 21, lowerInclusive: true, upperInclusive: true })
  t.same(view.attributedTo, ['U.S. Treasury', 'senior administration officials'])
  t.same(view.supporting, [id('c', 1), id('c', 2), id('c', 3)])
  t.equal(view.summary, '21 per U.S. Treasury, reported by 3 independent outlets')
  t.same(view.explanation, [
    {
      step: 'intersected',
      detail:
        '3 standing claims are consistent; their intervals meet at 21. Less precise but consistent: "more than 20" (Outlet 2, 2024-11-22). 3 independent origins support it: confirmed.',
      claimIds: [id('c', 1), id('c', 2), id('c', 3)],
    },
  ])
})

t.test('hedged counts intersect, not average: "more than 2,400" and "more than 2,000" give more than 2,400', async (t) => {
  const ledger = outlets(2)
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'more than 2,400', attributedTo: 'Outlet 1' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: 'more than 2,000', attributedTo: 'Outlet 2' })
  const view = ledger.view(fact)
  t.match(view, { display: 'more than 2,400', status: 'confirmed', origins: 2 })
  t.match(view.value, { hedge: 'more-than', stated: [2400], lower: 2400, upper: null, lowerInclusive: false })
  t.equal(view.summary, 'more than 2,400, consistent across 2 outlets', "the outlets' own reporting names no one else")
})

t.test('an intersection no claim states is described in words and given a hedge that fits it', async (t) => {
  const ledger = outlets(2)
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'more than 20' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: 'at most 25' })
  const view = ledger.view(fact)
  t.same(view.value, { text: 'more than 20 and at most 25', hedge: 'between', stated: [20, 25], lower: 20, upper: 25, lowerInclusive: false, upperInclusive: true })
  t.equal(view.display, 'more than 20 and at most 25')
  t.equal(view.summary, 'more than 20 and at most 25 per U.S. Treasury, reported by 2 independent outlets')
})

t.test('ranges narrow to their overlap', async (t) => {
  const ledger = outlets(2)
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'between 15 and 20' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: 'at least 18' })
  const view = ledger.view(fact)
  t.match(view.value, { hedge: 'between', stated: [18, 20], lower: 18, upper: 20, lowerInclusive: true, upperInclusive: true })
  t.equal(view.display, 'between 18 and 20')
})

t.test('a lone upper bound gets an upper hedge; a point from two bounds is exact', async (t) => {
  const a = outlets(2)
  addClaim(a, 1, { factId: fact, source: 1, value: 'fewer than 30' })
  addClaim(a, 2, { factId: fact, source: 2, value: 'up to 40' })
  t.match(a.view(fact).value, { hedge: 'fewer-than', stated: [30] })
  const b = outlets(2)
  addClaim(b, 1, { factId: fact, source: 1, value: 'at least 21' })
  addClaim(b, 2, { factId: fact, source: 2, value: 'at most 21' })
  t.match(b.view(fact), { display: '21', value: { hedge: 'exact', stated: [21], text: '21' } })
})

t.test('"about" and "nearly" are re-derived under the policy in force', async (t) => {
  const ledger = outlets(2)
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'about 180' })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '172' })
  t.match(ledger.view(fact), { status: 'confirmed', display: '172' }, '172 is within 5% of 180')
  ledger.append('PolicyAdopted', { policyVersion: 3, aboutTolerance: 0.01, note: 'tighter about' })
  t.match(ledger.view(fact), { status: 'conflicting', policyVersion: 3 }, 'not within 1%')
})

t.test('"nearly 2,000" reaches down by the policy\'s nearly tolerance and stays below 2,000', async (t) => {
  const ledger = outlets(3)
  addClaim(ledger, 1, { factId: fact, source: 1, value: 'nearly 2,000' })
  t.match(ledger.view(fact), { display: 'nearly 2,000', value: { lower: 1800, upper: 2000, upperInclusive: false } })
  addClaim(ledger, 2, { factId: fact, source: 2, value: '1,850' })
  t.match(ledger.view(fact), { display: '1,850', status: 'confirmed' })
  addClaim(ledger, 3, { factId: fact, source: 3, value: '2,000' })
  t.equal(ledger.view(fact).status, 'conflicting', 'nearly 2,000 is below 2,000')
})

t.test('an amount keeps its currency in the value and the display', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, 'reward', { unit: 'USD', kind: 'amount' })
  addSource(ledger, 1, { publishedAt: '2024-11-27' })
  addSource(ledger, 2, { publishedAt: '2024-11-28' })
  addClaim(ledger, 1, { factId: 'reward', source: 1, value: 'up to $15 million', attributedTo: 'U.S. prosecutors' })
  t.match(ledger.view('reward'), { display: 'up to $15 million', summary: 'up to $15 million per U.S. prosecutors (single source: Outlet 1)' })
  addClaim(ledger, 2, { factId: 'reward', source: 2, value: 'more than $10 million', attributedTo: 'U.S. prosecutors' })
  const view = ledger.view('reward')
  t.match(view.value, { unit: 'USD', lower: 10e6, upper: 15e6, lowerInclusive: false, upperInclusive: true })
  t.equal(view.display, 'more than $10 million and at most $15 million')
})

t.test('a percent fact reconciles shares like any figure and shows them with "%"', async (t) => {
  const ledger = createTestLedger()
  addFact(ledger, 'jobless', { unit: '%', kind: 'percent' })
  addSource(ledger, 1, { publishedAt: '2025-06-06' })
  addSource(ledger, 2, { publishedAt: '2025-06-07' })
  addClaim(ledger, 1, { factId: 'jobless', source: 1, value: 'about 4%', attributedTo: 'Labor Department' })
  addClaim(ledger, 2, { factId: 'jobless', source: 2, value: '4.1 percent', attributedTo: 'Labor Department' })
  t.match(ledger.view('jobless'), { kind: 'percent', display: '4.1%', status: 'confirmed', value: { unit: '%', lower: 4.1, upper: 4.1 } })
})
