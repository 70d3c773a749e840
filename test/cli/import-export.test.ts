import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { cli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'factledger-io-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const source = join(dir, 'source.db')
const target = join(dir, 'target.db')
const exported = join(dir, 'log.ndjson')

t.test('export then import into an empty ledger gives the same events, hashes and fact views', async (t) => {
  t.equal((await cli(['demo', '--db', source])).code, 0)
  const out = await cli(['export', '--out', exported, '--db', source])
  t.equal(out.code, 0, out.stderr)
  t.match(out.stderr, /exported 25 events/)
  const imp = await cli(['import', exported, '--db', target])
  t.equal(imp.code, 0, imp.stderr)
  t.match(imp.stdout, /imported 25 events/)
  const again = await cli(['export', '--db', target])
  t.equal(again.stdout, readFileSync(exported, 'utf8'), 'byte-identical log, positions and hashes included')
  const a = await cli(['facts', '--json', '--db', source])
  const b = await cli(['facts', '--json', '--db', target])
  t.equal(b.stdout, a.stdout, 'byte-identical fact views')
})

t.test('importing the same file twice writes nothing the second time', async (t) => {
  const r = await cli(['import', exported, '--db', target])
  t.equal(r.code, 0, r.stderr)
  t.match(r.stdout, /imported 0 events, 25 already present/)
})

t.test('a tampered or malformed export is refused at the first bad line, naming it', async (t) => {
  const lines = readFileSync(exported, 'utf8').trimEnd().split('\n')
  const cases: Array<[string, string[], RegExp]> = [
    ['changed payload', lines.map((l, i) => (i === 4 ? l.replace(/"publishedAt":"[^"]+"/, '"publishedAt":"2020-01-01"').replace(/"title":"[^"]+"/, '"title":"Edited"') : l)), /line 5: hash does not match/],
    ['not JSON', [...lines.slice(0, 2), '{oops', ...lines.slice(3)], /line 3: not valid JSON/],
    ['missing field', [lines[0]!.replace(/"hash":"[0-9a-f]+",/, '')], /line 1: hash: /],
  ]
  for (const [name, content, message] of cases) {
    const file = join(dir, `${name.replace(/\W/g, '-')}.ndjson`)
    writeFileSync(file, `${content.join('\n')}\n`)
    const fresh = join(dir, `${name.replace(/\W/g, '-')}.db`)
    const r = await cli(['import', file, '--db', fresh])
    t.equal(r.code, 1, name)
    t.match(r.stderr, message, name)
  }
})
