import { PassThrough } from 'node:stream'
import t from 'tap'
import { benchCommand } from '../../bench/command.js'
import { cli } from '../cli/run-cli.js'

/** Run `npm run bench -- argv` in-process with captured output. */
async function bench(argv: string[]) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (c) => out.push(c))
  stderr.on('data', (c) => err.push(c))
  const code = await benchCommand(argv, { stdout, stderr, interactive: false })
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }
}

t.test('the bench refuses an unknown scenario, naming the known ones, before running anything', async (t) => {
  const r = await bench(['--only', 'appendSingle,nope'])
  t.equal(r.code, 2)
  t.match(r.stderr, /unknown scenario nope \(known: appendSingle, appendConcurrent, importBulk, rebuild, httpGetFact, asOfQuery, ledgerProofs, postgres, pgAsOfQuery\)/)
  t.equal(r.stdout, '')
})

t.test('the bench refuses a ledger too small to measure', async (t) => {
  for (const events of ['5', 'many', '1e9.5']) {
    const r = await bench(['--events', events])
    t.equal(r.code, 2, `--events ${events}`)
    t.match(r.stderr, /--events must be an integer of at least 1000/)
  }
})

t.test('the bench refuses contradictory output options', async (t) => {
  const both = await bench(['--out', 'x.json', '--no-write'])
  t.equal(both.code, 2)
  t.match(both.stderr, /--out and --no-write exclude each other/)
})

t.test('the bench refuses an unknown option', async (t) => {
  const r = await bench(['--fast'])
  t.equal(r.code, 2)
  t.match(r.stderr, /^bench: .*--fast/)
})

t.test('the bench prints a saved report as markdown', async (t) => {
  const r = await bench(['--show', 'bench/results.json'])
  t.equal(r.code, 0)
  t.match(r.stdout, /^\|.*\|$/m)
})

t.test('the product CLI has no bench command: it would need devDependencies the production image lacks', async (t) => {
  const r = await cli(['bench', '--quick'])
  t.equal(r.code, 2)
  t.match(r.stderr, /unknown command "bench"/)
})
