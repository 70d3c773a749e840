import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { cli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'factledger-cli-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const db = join(dir, 'ledger.db')

type FactJson = { factId: string; display: string; status: string; supporting: string[]; superseded: string[]; value: { lower: number | null; upper: number | null; hedge: string } | null; explanation: Array<{ step: string; detail: string }> }
const byId = (facts: FactJson[], id: string) => {
  const f = facts.find((x) => x.factId === id)
  if (!f) throw new Error(`no fact ${id}`)
  return f
}

t.test('demo --json reconciles the running example as DESIGN.md expects', async (t) => {
  const r = await cli(['demo', '--json', '--db', db])
  t.equal(r.code, 0, r.stderr)
  const facts = JSON.parse(r.stdout) as FactJson[]
  const nov = byId(facts, 'us-sanctions-2024-11-round-count')
  t.equal(nov.display, '21')
  t.equal(nov.status, 'confirmed')
  t.equal(nov.supporting.length, 3, 'two exact 21s and the consistent "more than 20"')
  const sept = byId(facts, 'us-sanctions-2024-09-round-count')
  t.equal(sept.display, '16')
  t.equal(sept.superseded.length, 1, 'the planned 15 is superseded')
  t.ok(sept.explanation.some((s) => s.step === 'superseded'))
  const detained = byId(facts, 'venezuela-post-election-detentions-2024')
  t.equal(detained.display, 'more than 2,400')
  t.match(detained.value, { lower: 2400, upper: null, hedge: 'more-than' })
  t.equal(detained.supporting.length, 2, '"more than 2,000" is consistent and supports it')
  t.equal(byId(facts, 'us-sanctions-2024-11-security-leaders-count').display, '15')
  t.equal(byId(facts, 'us-visa-restrictions-2024-09-family-members-count').display, '34')
})

t.test('demo prints a table for people', async (t) => {
  const r = await cli(['demo'])
  t.equal(r.code, 0)
  t.match(r.stdout, /^FACT\s+VALUE\s+STATUS\s+WHY/)
  t.match(r.stdout, /us-sanctions-2024-11-round-count\s+21\s+confirmed\s+21 per U\.S\. Treasury, reported by 3 independent outlets/)
})

t.test('facts --known-at 2024-09-05 shows the September round as the planned 15', async (t) => {
  const r = await cli(['facts', '--known-at', '2024-09-05', '--json', '--db', db])
  t.equal(r.code, 0, r.stderr)
  const sept = byId(JSON.parse(r.stdout), 'us-sanctions-2024-09-round-count')
  t.equal(sept.display, '15')
  t.equal(sept.superseded.length, 0)
})

t.test('facts --as-of a past position shows the ledger as it was', async (t) => {
  const early = await cli(['facts', '--as-of', '12', '--json', '--db', db])
  t.equal(early.code, 0, early.stderr)
  const all = await cli(['facts', '--json', '--db', db])
  t.ok((JSON.parse(early.stdout) as FactJson[]).length < (JSON.parse(all.stdout) as FactJson[]).length, 'fewer facts existed at position 12')
  const ts = await cli(['facts', '--as-of', '2000-01-01T00:00:00Z', '--json', '--db', db])
  t.same(JSON.parse(ts.stdout), [], 'nothing was recorded before 2000')
})

t.test('bad arguments are one line and exit code 2', async (t) => {
  const cases: Array<[string[], RegExp]> = [
    [['facts', '--as-of', 'yesterday', '--db', db], /--as-of must be a ledger position/],
    [['facts', '--known-at', '05/09/2024', '--db', db], /--known-at must be a date/],
    [['facts', '--colour', '--db', db], /Unknown option '--colour'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['import'], /usage: factledger import <file.ndjson>/],
    [['facts'], /FACTLEDGER_STORE must be one of|invalid configuration/],
  ]
  for (const [argv, message] of cases) {
    const env: Record<string, string> = argv[0] === 'facts' && argv.length === 1 ? { FACTLEDGER_STORE: 'mysql' } : {}
    const r = await cli(argv, env)
    t.equal(r.code, 2, argv.join(' '))
    t.match(r.stderr, message)
    t.equal(r.stderr.trim().split('\n').length, 1, 'one line')
  }
})
