import t from 'tap'
import { extractDraftClaims } from '../../src/extract/extract-draft-claims.js'

/** One rule of modality per test: a small sentence and how firmly its figure is stated. */

function modalityOf(text: string, figure: string): string {
  const r = extractDraftClaims({ text, publishedAt: '2025-10-03', publisher: 'The Ledger' })
  if (!r.ok) throw new Error(r.error.message)
  const d = r.drafts.find((x) => x.figure === figure)
  if (!d) throw new Error(`no draft for ${figure}: ${r.drafts.map((x) => x.figure).join(', ')}`)
  return d.modality
}

t.test('"could cost" and "could save" are estimates', async (t) => {
  t.equal(modalityOf('Damage to power lines could cost up to $25 million, a spokesman for Ridgeline Power said.', 'up to $25 million'), 'estimate')
  t.equal(modalityOf('Analysts said the cuts could save the firm as much as $300 million a year.', 'as much as $300 million'), 'estimate')
})

t.test('"could close" an action of the speaker is a plan', async (t) => {
  t.equal(modalityOf('The superintendent said the district could close as many as six schools.', 'as many as six'), 'planned')
})

t.test('a bare "will" after the figure is about something else when the figure sits in an "of" phrase or a report', async (t) => {
  t.equal(modalityOf('Counting of about 150,000 postal votes will continue until Wednesday, the commission said.', 'about 150,000'), 'estimate')
  t.equal(modalityOf('About 21% of respondents said they would consider private schools.', 'About 21%'), 'estimate')
  t.equal(modalityOf('Officials said some 350 teachers will retire by June.', 'some 350'), 'planned', 'the figure\'s own noun is what "will" happens to')
})

t.test('the figure changed from is today\'s, not the plan\'s', async (t) => {
  const text = 'The regional transit authority will raise the base fare to $3.25 from $2.90, its board decided.'
  t.equal(modalityOf(text, '$3.25'), 'planned')
  t.equal(modalityOf(text, '$2.90'), 'official')
})

t.test('what prosecutors say of a defendant is an allegation; a reward they offer is not', async (t) => {
  t.equal(modalityOf('Prosecutors said the ring had stolen more than $3.7 million.', 'more than $3.7 million'), 'allegation')
  t.equal(modalityOf('US prosecutors offer a reward of up to $15 million for information.', 'up to $15 million'), 'official')
})

t.test('a spokesperson of a university or company is not a government official; a finance director of a city is', async (t) => {
  t.equal(modalityOf('Enrollment fell to 18,240 students, a university spokeswoman said.', '18,240'), 'reported')
  t.equal(modalityOf('The spending plan includes $86 million for road repairs, finance director Priya Raman said.', '$86 million'), 'official')
})

t.test('an estimate word right after another figure is that figure\'s: "the 110,000 forecast by economists"', async (t) => {
  t.equal(modalityOf('Employers added 73,000 jobs, well below the 110,000 forecast by economists, according to the bureau.', '73,000'), 'official')
})

t.test('a target or a goal is a plan, and "expects" before a figure is an expectation', async (t) => {
  t.equal(modalityOf('The ministry said 41% of adults were screened, short of its target of 70% by June.', '70%'), 'planned')
  t.equal(modalityOf('The harbour board, which expects between 300 and 320 sailings this year, said demand was strong.', 'between 300 and 320'), 'planned')
})

t.test('a cost foreseen with "would cost", "will cost" or "put ... at" is an estimate, not a plan', async (t) => {
  t.equal(modalityOf('The growers union said the ban would cost farmers around 40 million euros.', 'around 40 million euros'), 'estimate')
  t.equal(modalityOf('Rebuilding the pier will cost $12 million, the port department said.', '$12 million'), 'estimate')
  t.equal(modalityOf('A consultancy put the damage at 9 million dollars.', '9 million dollars'), 'estimate')
})

t.test('an approximate figure that is expected or planned is still a plan', async (t) => {
  t.equal(modalityOf('Roughly 50 shops are expected to close, the trade minister said.', 'Roughly 50'), 'planned')
})

t.test('an official who will not be named is not on the record', async (t) => {
  t.equal(modalityOf('The cost reached 9 million dollars, a ministry official said, speaking on condition of anonymity.', '9 million dollars'), 'reported')
  t.equal(modalityOf('The cost reached 9 million dollars, the ministry said.', '9 million dollars'), 'official')
})

t.test('public services, boards and councillors speak officially', async (t) => {
  t.equal(modalityOf('The county library service said it lent 12,000 books in May.', '12,000'), 'official')
  t.equal(modalityOf('Hotels sold 5,000 rooms, the regional tourism board said.', '5,000'), 'official')
  t.equal(modalityOf('The town has hired 8 wardens, Councillor Jo Reyes said.', '8'), 'official')
  t.equal(modalityOf('Call-outs rose 30%, according to the ambulance trust.', '30%'), 'official')
})

t.test('the whole a planned part is taken from exists already', async (t) => {
  t.equal(modalityOf('Two of the county\'s seven depots will be closed, the council said.', 'seven'), 'official')
})
