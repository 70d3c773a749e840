import t from 'tap'
import { extractDraftClaims } from '../../src/extract/extract-draft-claims.js'

/** One rule of valid time per test: a small sentence and the day its figure is dated to. */

function validAt(text: string, figure: string, publishedAt: string): string | null {
  const r = extractDraftClaims({ text, publishedAt })
  if (!r.ok) throw new Error(r.error.message)
  const d = r.drafts.find((x) => x.figure === figure)
  if (!d) throw new Error(`no draft for ${figure}: ${r.drafts.map((x) => x.figure).join(', ')}`)
  return d.validAt
}

t.test('a dateline dates the article, not its figures: the weekday in the body does', async (t) => {
  t.equal(validAt('DORWICH, March 12 - More than 1,300 nurses went on strike on Tuesday, the union said.', 'More than 1,300', '2025-03-12'), '2025-03-11')
})

t.test('a plan with no date of its own is dated by when it was announced, read backward', async (t) => {
  t.equal(validAt('Governor Alan Reyes said on Saturday that the state will release $12 million in emergency aid.', '$12 million', '2025-03-16'), '2025-03-15')
  t.equal(validAt('The chief executive told analysts late on Monday that the firm would still hire 200 engineers.', '200', '2026-01-20'), '2026-01-19')
})

t.test('a plan that takes effect "from September" is dated then', async (t) => {
  t.equal(validAt('The university plans to raise tuition by 6% from September, the council said on Wednesday.', '6%', '2025-11-12'), '2026-09-01')
})

t.test('a figure compared with is dated by its own phrase, and the main figure keeps its date', async (t) => {
  const text = 'Patients waited an average of 7.4 hours last week, up from 5.9 hours in October, the hospital said on Tuesday.'
  t.equal(validAt(text, '7.4', '2025-12-02'), '2025-11-24', '"last week" is dated to its Monday')
  t.equal(validAt(text, '5.9', '2025-12-02'), '2025-10-01')
})

t.test('"a year earlier" and "the same week last year" shift the date of the figure compared with', async (t) => {
  t.equal(validAt('Net income dropped to $214 million in the fourth quarter from $402 million a year earlier, the firm said.', '$402 million', '2026-01-20'), '2024-12-31')
  t.equal(validAt('Shoppers paid 112.40 euros last month, up from 104.90 euros a year earlier, a survey found.', '104.90 euros', '2025-09-16'), '2024-08-01')
  t.equal(validAt('The department reported 1,870 flu cases in the week ending Nov. 29, compared with 640 in the same week last year.', '640', '2025-12-02'), '2024-11-29')
})

t.test('a reporting quarter is the latest such quarter before publication, dated to its last day', async (t) => {
  t.equal(validAt('The company reported a net loss of $1.2 billion for the second quarter.', '$1.2 billion', '2025-10-15'), '2025-06-30')
  t.equal(validAt('Revenue rose to $4.5 billion in the quarter.', '$4.5 billion', '2026-01-20'), '2025-12-31')
})

t.test('a realized figure is not dated by a later event ("next week"), nor by a date after "than"', async (t) => {
  t.equal(validAt("The bank's key rate stands at 2.75%, and economists expect it to be left unchanged next week.", '2.75%', '2025-09-16'), '2025-09-16')
  t.equal(validAt('Families were spending some 90 euros a month more on groceries than in 2022, she said.', 'some 90 euros', '2025-09-16'), '2025-09-16')
})

t.test('a date in a relative clause dates only what is in it', async (t) => {
  t.equal(validAt('The striker, who made his debut in 2019, will earn about 180,000 euros a week.', 'about 180,000 euros', '2025-07-22'), '2025-07-22')
})

t.test('a projection "by December" looks forward', async (t) => {
  t.equal(validAt('Economists estimate that the rate could reach 4.5 percent by December.', '4.5 percent', '2025-08-01'), '2025-12-01')
})

t.test('a date after the figure and before "and" closes its phrase: "120 buses by 2027 and 300 drivers next year"', async (t) => {
  const text = 'The board approved plans to add 120 electric buses by 2027 and to hire 300 drivers next year.'
  t.equal(validAt(text, '120', '2025-11-04'), '2027-01-01')
  t.equal(validAt(text, '300', '2025-11-04'), '2026-01-01')
})

t.test('a later figure shares an earlier date of its clause: "fell 18 percent in October ..., to 131 cases"', async (t) => {
  t.equal(validAt('Police said burglaries fell 18 percent in October compared with a year earlier, to 131 reported cases.', '131', '2025-12-05'), '2025-10-01')
})

t.test('a plan\'s start date before the figure dates it: "cut the tax from January, at a cost of ..."', async (t) => {
  t.equal(validAt('The minister said the government would cut the tax from January, at a cost of about 600 million euros a year.', 'about 600 million euros', '2025-09-16'), '2026-01-01')
})

t.test('an earlier figure shares the date closing the phrase both stand in: "rose 3% to $4.5 billion in the quarter"', async (t) => {
  t.equal(validAt('Revenue rose 3% to $4.5 billion in the quarter.', '3%', '2026-01-20'), '2025-12-31')
})

t.test('a figure of the event its clause opens with is dated by it; a figure after "since" the event is not', async (t) => {
  t.equal(validAt("Turnout in Sunday's vote reached 71 percent, according to the commission.", '71 percent', '2025-05-19'), '2025-05-18')
  t.equal(validAt("Since Sunday's vote, 40 people have been detained.", '40', '2025-05-19'), '2025-05-19')
})

t.test('the date of a change\'s baseline ("up 4% from the last count in 2019") does not date the change', async (t) => {
  t.equal(validAt('Membership rose 4% from the last count in 2019, the club said on Monday.', '4%', '2025-03-12'), '2025-03-10')
})
