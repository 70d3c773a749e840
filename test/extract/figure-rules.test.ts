import t from 'tap'
import { extractDraftClaims } from '../../src/extract/extract-draft-claims.js'

/** Which figures are found, and which headline figures repeat a body figure. */

function drafts(text: string) {
  const r = extractDraftClaims({ text, publishedAt: '2025-10-03', publisher: 'The Ledger' })
  if (!r.ok) throw new Error(r.error.message)
  return r.drafts
}

t.test('"from 10% to 4%" after a verb is a change between two figures, not a score', async (t) => {
  const found = drafts('The minister said the government would cut the tax on bread from 10% to 4% from January.')
  t.same(found.map((d) => d.figure), ['10%', '4%'])
})

t.test('"the 110,000 forecast by economists" is a figure, not a number used as a label', async (t) => {
  const found = drafts('Employers added 73,000 jobs, well below the 110,000 forecast by economists.')
  t.same(found.map((d) => d.figure), ['73,000', '110,000'])
})

t.test('a headline figure without its hedge repeats the body figure of the same value', async (t) => {
  const found = drafts('Nimbus to cut 1,200 jobs\n\nNimbus Software plans to cut about 1,200 jobs, the company said.')
  t.equal(found.length, 1)
  t.equal(found[0]!.figure, 'about 1,200')
  t.equal(found[0]!.alsoAt.length, 1)
})

t.test('a headline count of something else is not merged with a body count of the same value', async (t) => {
  const found = drafts('Nurses walk out at two city hospitals\n\nThe wards were staffed by only two people overnight, the union said.')
  t.equal(found.length, 2)
})

t.test('"fell 5% to 9,000 tonnes" is a change and a new level, two figures, not a range', async (t) => {
  const found = drafts('Copper output fell 5% to 9,000 tonnes in the year, the mining board said.')
  t.same(found.map((d) => d.figure), ['5%', '9,000'])
  t.equal(found[1]!.value.unit, 't')
  t.same(found[0]!.value.stated, [5])
})

t.test('"one in four" is a share written as a ratio', async (t) => {
  const found = drafts('Nearly one in four pupils walks to school, the survey found.')
  t.equal(found.length, 1)
  t.same(found[0]!.value, { ...found[0]!.value, hedge: 'nearly', stated: [25], unit: '%' })
})
