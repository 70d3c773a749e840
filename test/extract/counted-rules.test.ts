import t from 'tap'
import { extractDraftClaims } from '../../src/extract/extract-draft-claims.js'

/** One rule of what is counted per test: a small sentence and the counted noun of its figure. */

function countedOf(text: string, figure: string): string | null {
  const r = extractDraftClaims({ text, publishedAt: '2025-10-03', publisher: 'The Ledger' })
  if (!r.ok) throw new Error(r.error.message)
  const d = r.drafts.find((x) => x.figure === figure)
  if (!d) throw new Error(`no draft for ${figure}: ${r.drafts.map((x) => x.figure).join(', ')}`)
  return d.counted
}

t.test('the object of a change: "raise tuition by 6%", "expand its hardship fund to 1.5 million pounds"', async (t) => {
  t.equal(countedOf('The university plans to cut 40 jobs and raise tuition by 6% from September.', '6%'), 'tuition')
  t.equal(countedOf('The university will expand its hardship fund to 1.5 million pounds.', '1.5 million pounds'), 'hardship fund')
  t.equal(countedOf('The authority will raise the base fare to $3.25 from $2.90.', '$3.25'), 'base fare')
})

t.test('a value put on something: "estimated the street value of the drugs at $150 million", "estimate the damage at"', async (t) => {
  t.equal(countedOf('Officials estimated the street value of the drugs at more than $150 million.', 'more than $150 million'), 'street value')
  t.equal(countedOf('Insurers estimate the damage at between $40 million and $55 million.', 'between $40 million and $55 million'), 'damage')
})

t.test('the subject of a change or a copula, past a first figure, a subordinator, an owner and "the number of"', async (t) => {
  t.equal(countedOf('Revenue rose 3% to $4.5 billion in the quarter.', '$4.5 billion'), 'revenue')
  t.equal(countedOf('Pay for a starting nurse is £31,000 a year, a trust spokesman said.', '£31,000'), 'pay')
  t.equal(countedOf('The trust estimated that the walkout would cost about $2.4 million a week.', 'about $2.4 million'), 'walkout')
  t.equal(countedOf('The firm plans to cut jobs after its quarterly profit fell by nearly half.', 'nearly half'), 'quarterly profit')
  t.equal(countedOf("The central bank's key rate stands at 2.75%.", '2.75%'), 'key rate')
  t.equal(countedOf('The number of people out of work climbed to about 7.1 million in July.', 'about 7.1 million'), 'people')
  t.equal(countedOf('Insurers said claims could reach between €200 million and €250 million.', 'between €200 million and €250 million'), 'claims')
})

t.test('a change in a share is a change in what follows "in": "a 22% rise in the cost of olive oil"', async (t) => {
  t.equal(countedOf('Prices were driven by a 22% rise in the cost of olive oil and coffee.', '22%'), 'cost')
})

t.test('a share of completion is of the sentence subject: "The fire, which started Tuesday, was 10% contained"', async (t) => {
  t.equal(countedOf('The fire, which started Tuesday afternoon, was 10% contained as of Friday morning.', '10%'), 'fire contained')
})

t.test('a time after an amount is no noun and no purpose: "$61 million last year", "in the quarter", "in 2023"', async (t) => {
  t.equal(countedOf('The plan includes $86 million for road repairs, up from $61 million last year.', '$61 million'), 'road repairs')
  t.equal(countedOf('The inspectorate fined the company 80,000 dollars in 2023.', '80,000 dollars'), null)
})

t.test('"Of those, 18 patients ...": a named part counts itself; an unnamed one takes the previous part', async (t) => {
  const text = 'The department counted 124 measles cases. Of those, 18 patients have been hospitalized and fewer than 10 remain in intensive care.'
  t.equal(countedOf(text, '18'), 'patients hospitalized')
  t.equal(countedOf(text, 'fewer than 10'), 'patients')
})

t.test('a state that is the noun takes no predicate: "at least 11 dead was confirmed"', async (t) => {
  t.equal(countedOf('A toll of at least 11 dead was confirmed by the county coroner.', 'at least 11'), 'dead')
})

t.test('an existential "there" names nothing: "There were 12" counts nothing', async (t) => {
  t.equal(countedOf('There were 12', '12'), null)
})

t.test('"an average of 7.4 hours, up from 5.9 hours": both count the average', async (t) => {
  const text = 'Patients waited an average of 7.4 hours last week, up from 5.9 hours in October.'
  t.equal(countedOf(text, '7.4'), 'average')
  t.equal(countedOf(text, '5.9'), 'average')
})

t.test('a target measures what the figure before it measured', async (t) => {
  t.equal(countedOf('The city recycled 38% of its bottles, short of its target of 50% by 2030.', '50%'), 'bottles')
})

t.test('a rate that "averaged" a share is a share of its subject', async (t) => {
  t.equal(countedOf('Bed occupancy averaged 91 percent over the winter, the trust said.', '91 percent'), 'bed occupancy')
})

t.test('"cut van journeys into the old town by 12%": the object changed, not the place it is in', async (t) => {
  t.equal(countedOf('The toll has cut van journeys into the old town by 12%, the council said.', '12%'), 'van journeys')
})
