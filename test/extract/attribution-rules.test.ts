import t from 'tap'
import { extractDraftClaims } from '../../src/extract/extract-draft-claims.js'

/** One rule of attribution per test: a small text and who its figure is attributed to. */

function draftOf(text: string, figure: string, publisher = 'The Ledger') {
  const r = extractDraftClaims({ text, publishedAt: '2025-10-03', publisher })
  if (!r.ok) throw new Error(r.error.message)
  const d = r.drafts.find((x) => x.figure === figure)
  if (!d) throw new Error(`no draft for ${figure}: ${r.drafts.map((x) => x.figure).join(', ')}`)
  return d
}

t.test('a pronoun speaker ("..., it said.") is the latest named speaker, even from a sentence without figures', async (t) => {
  const d = draftOf('The state forestry department said the fire was spreading. Three firefighters were treated for heat exhaustion, it said.', 'Three')
  t.equal(d.attributedTo, 'state forestry department')
  t.equal(d.attribution, 'carried')
})

t.test('"the company said" is the company the article named', async (t) => {
  t.equal(draftOf('Orion Motors will cut 1,800 jobs at its plant, the company announced on Wednesday.', '1,800').attributedTo, 'Orion Motors')
  const text = 'Ridgeline Power said crews were working. The utility plans to bring in 300 line workers.'
  t.equal(draftOf(text, '300').attributedTo, 'Ridgeline Power')
})

t.test('a public body\'s description stands for a named body only when the name holds the word', async (t) => {
  const text = 'The Bureau of Labour Statistics said on Friday that hiring slowed. Employers added 73,000 jobs, according to the bureau.'
  t.equal(draftOf(text, '73,000').attributedTo, 'Bureau of Labour Statistics')
  t.equal(draftOf('Rovers said they were pleased. The hospital has 412 beds, the hospital said.', '412').attributedTo, 'hospital')
})

t.test('a capital that only opens the sentence names nobody: "Youth unemployment reached ..." is not a speaker', async (t) => {
  t.equal(draftOf('Youth unemployment reached 11.3 percent.', '11.3 percent').attributedTo, 'The Ledger')
})

t.test('a speaker is named across "of", "from" and "for", past an age and a relative clause', async (t) => {
  t.equal(draftOf('A coalition of neighbourhood groups accused the city of stripping nearly $4 million from the libraries.', 'nearly $4 million').attributedTo, 'coalition of neighbourhood groups')
  t.equal(draftOf('Observers from the regional monitoring mission said they had received some 470 complaints.', 'some 470').attributedTo, 'Observers from the regional monitoring mission')
  t.equal(draftOf('Union president Amara Lewis, 21, accused the university of spending 3.2 million pounds on offices.', '3.2 million pounds').attributedTo, 'Union president Amara Lewis')
  t.equal(draftOf('Council member Rosa Tan, who voted against the plan, said residents had submitted more than 1,100 comments.', 'more than 1,100').attributedTo, 'Council member Rosa Tan')
})

t.test('the speaker closing the sentence frames it: "Insurers estimate ..., the state insurance council said"', async (t) => {
  t.equal(draftOf('Insurers estimate the damage at $40 million, the state insurance council said in a statement.', '$40 million').attributedTo, 'state insurance council')
})

t.test('"the Chronicle learned from three nurses": the outlet states it, via the nurses', async (t) => {
  const d = draftOf('The hospital turned away ambulances on at least six occasions, the Chronicle learned from three nurses who asked not to be named.', 'at least six')
  t.equal(d.attributedTo, 'Chronicle')
  t.same(d.via, ['three nurses'])
})

t.test('"according to two people familiar with the deal" with nobody else named: the people are the source', async (t) => {
  const d = draftOf('The striker will earn about 180,000 euros a week, according to two people familiar with the deal.', 'about 180,000 euros')
  t.equal(d.attributedTo, 'two people familiar with the deal')
  t.same(d.via, [])
})

t.test('"Sportsdesk Daily understands" and "the figures showed" close a statement', async (t) => {
  t.equal(draftOf('The club is close to signing a player worth up to 15 million euros, Sportsdesk Daily understands.', 'up to 15 million euros').attributedTo, 'Sportsdesk Daily')
  const text = 'The Bureau of Labour Statistics said hiring slowed. Youth unemployment reached 11.3 percent, the figures showed.'
  t.equal(draftOf(text, '11.3 percent').attributedTo, 'Bureau of Labour Statistics')
})

t.test('an appositive is a role, not whatever stands before a comma: "..., a club record, Rovers said"', async (t) => {
  t.equal(draftOf('The club agreed to sign the striker for 42 million euros, a club record, Rovers said.', '42 million euros').attributedTo, 'Rovers')
})

t.test('"an estimated" before a figure qualifies it: nobody speaks there', async (t) => {
  const d = draftOf('Fans spent an estimated 3 million dollars, the city said.', 'an estimated 3 million dollars')
  t.equal(d.attributedTo, 'city')
})

t.test('a body named without a capital is found again by its own word ("the office said")', async (t) => {
  const d = draftOf('The prices rose, the statistics office said on Monday. Rents climbed 4%, the office said.', '4%')
  t.equal(d.attributedTo, 'statistics office')
})

t.test('a reporting body goes on speaking in the next sentence of its paragraph, a quoted person does not', async (t) => {
  const body = 'Rents rose 4% in May, the statistics office said. Wages climbed 2% in the same month.'
  t.equal(draftOf(body, '2%').attributedTo, 'statistics office')
  t.equal(draftOf('Rents rose 4% in May, the statistics office said.\n\nWages climbed 2% in the same month.', '2%').attributedTo, 'The Ledger')
  t.equal(draftOf('Rents rose 4% in May, Mayor Ann Cole said. The city has 12 shelters.', '12').attributedTo, 'The Ledger')
})

t.test('figures "published by" a body are that body\'s, and "the figures show" refers back to it', async (t) => {
  const text = 'Landfill use fell 9%, according to figures published by the waste department on Friday. The county sent 3,000 tonnes abroad, the figures show.'
  t.equal(draftOf(text, '9%').attributedTo, 'waste department')
  t.equal(draftOf(text, '3,000').attributedTo, 'waste department')
})
