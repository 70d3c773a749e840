import t from 'tap'
import { cli } from '../cli/run-cli.js'

t.test('factledger bench refuses an unknown scenario, naming the known ones, before running anything', async (t) => {
  const r = await cli(['bench', '--only', 'appendSingle,nope'])
  t.equal(r.code, 2)
  t.match(r.stderr, /unknown scenario nope \(known: appendSingle, appendConcurrent, importBulk, rebuild, httpGetFact, asOfQuery, ledgerProofs, postgres\)/)
  t.equal(r.stdout, '')
})

t.test('factledger bench refuses a ledger too small to measure and contradictory output options', async (t) => {
  for (const events of ['5', 'many', '1e9.5']) {
    const r = await cli(['bench', '--events', events])
    t.equal(r.code, 2, `--events ${events}`)
    t.match(r.stderr, /--events must be an integer of at least 1000/)
  }
  const both = await cli(['bench', '--out', 'x.json', '--no-write'])
  t.equal(both.code, 2)
  t.match(both.stderr, /--out and --no-write exclude each other/)
})

t.test('factledger bench refuses an unknown option', async (t) => {
  const r = await cli(['bench', '--fast'])
  t.equal(r.code, 2)
  t.match(r.stderr, /factledger bench: .*--fast/)
})

t.test('the help lists the bench command', async (t) => {
  const r = await cli(['--help'])
  t.equal(r.code, 0)
  t.match(r.stdout, /bench \[--quick\]/)
})
