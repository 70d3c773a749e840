import t from 'tap'
import { csvCell } from '../../src/http/exports/claims-csv.js'
import { closeTestApi, createTestApi, ids, seed } from './harness.js'

/** GET /facts/:id/claims.csv: a fact's claims as a spreadsheet row each. */
const api = await createTestApi()
t.teardown(() => closeTestApi(api))
await seed(api.runtime)

t.test('one row per claim with its figure, interval, quote, source and part in the value', async (t) => {
  const res = await api.app.inject({ url: `/facts/${ids.fact}/claims.csv` })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/csv; charset=utf-8/)
  t.equal(res.headers['content-disposition'], `attachment; filename="${ids.fact}-claims.csv"`)
  const lines = res.body.trimEnd().split('\r\n')
  t.equal(lines.length, 4, 'a header and three claims')
  t.match(lines[0], /^claim_id,fact_id,filed_here,part_in_value,figure,lower,lower_inclusive,upper,upper_inclusive,unit,modality,/)
  const bloomberg = lines.find((l) => l.startsWith(ids.claimBloomberg))!
  t.match(bloomberg, `${ids.claimBloomberg},${ids.fact},yes,supporting,more than 20,20,false,,false,persons,official,2024-11-27,U.S. Treasury,,The Treasury sanctioned more than 20 officials,false,${ids.bloomberg},Bloomberg,bloomberg,2,2024-11-29`)
})

t.test('cells are quoted as RFC 4180 says, and a cell a spreadsheet would run as a formula is defused', async (t) => {
  t.same(['plain', 'a, b', 'say "21"', 'two\nlines', '=HYPERLINK("x")', '-12', '+1 more', '@sum', null, 21].map(csvCell), [
    'plain', '"a, b"', '"say ""21"""', '"two\nlines"', `"'=HYPERLINK(""x"")"`, '-12', "'+1 more", "'@sum", '', '21',
  ])
})

t.test('an unknown fact is a 404', async (t) => {
  const res = await api.app.inject({ url: '/facts/no-such-fact/claims.csv' })
  t.equal(res.statusCode, 404)
})
