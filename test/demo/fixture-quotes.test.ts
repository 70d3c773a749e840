import { readFileSync } from 'node:fs'
import t from 'tap'
import { demoFixture, demoSeedFiles } from '../../src/demo/fixture.js'

/** The seed reports live beside the repository (../shared/seeds), not in it; CI has them. */
const seedsDir = new URL('../../../shared/seeds/', import.meta.url)
const seedText = (sourceId: string): string => {
  const file = demoSeedFiles[sourceId]
  if (!file) throw new Error(`no seed file is named for source ${sourceId}`)
  return readFileSync(new URL(file, seedsDir), 'utf8')
}

t.test('every source of the fixture names its seed report, and every seed report is used', async (t) => {
  t.same(demoFixture.sources.map((s) => demoSeedFiles[s.sourceId]).sort(), Object.values(demoSeedFiles).sort())
  t.equal(new Set(Object.values(demoSeedFiles)).size, 5)
})

t.test('every quote occurs verbatim in the seed report of its source', async (t) => {
  for (const claim of demoFixture.claims) {
    t.ok(seedText(claim.sourceId).includes(claim.citation.quote), `claim ${claim.claimId}: "${claim.citation.quote.slice(0, 60)}…"`)
  }
})

t.test('quotes are short: a sentence at most, never an article', async (t) => {
  for (const claim of demoFixture.claims) {
    const quote = claim.citation.quote
    t.ok(quote.length <= 400, `claim ${claim.claimId} quote is ${quote.length} characters`)
    t.notMatch(quote, /[a-z0-9]{2}[.!?][”"]?\s+[A-Z“"]/, `claim ${claim.claimId} quote spans one sentence`)
  }
  const quoted = demoFixture.claims.reduce((n, c) => n + c.citation.quote.length, 0)
  const corpus = demoFixture.sources.reduce((n, s) => n + seedText(s.sourceId).length, 0)
  t.ok(quoted < corpus / 4, `the fixture quotes ${quoted} of ${corpus} characters`)
})

t.test('the figure a claim stores is in its quote', async (t) => {
  for (const claim of demoFixture.claims) {
    t.ok(claim.citation.quote.toLowerCase().includes(claim.value.text.toLowerCase()), `"${claim.value.text}" in claim ${claim.claimId}`)
  }
})

t.test('a headline given as known is the one printed in the seed', async (t) => {
  for (const source of demoFixture.sources) {
    if (source.title.startsWith('(headline unknown)')) continue
    t.ok(seedText(source.sourceId).includes(source.title), source.title)
  }
})
