import { join } from 'node:path'
import t from 'tap'
import { formatInterval, runExtractCommand } from '../../src/extract/command.js'
import { parseQuantity } from '../../events/quantity/parse.js'

const article = 'Sanctions widen\n\nThe State Department said it has imposed visa restrictions on nearly 2,000 people on Wednesday.\n'
const meta = JSON.stringify({
  publisher: 'Wire',
  publishedAt: '2024-11-27',
  title: 'ignored, like every other SourceRegistered field',
  knownFacts: [{ factId: 'visa-restrictions-total', question: 'How many people are under US visa restrictions?', subject: 'visa restrictions', unit: 'persons' }],
})

t.test('for people: a table of drafts, their quotes with offsets, and what was skipped', async (t) => {
  const dir = t.testdir({ 'a.txt': `${article}It began in 2017.\n`, 'meta.json': meta })
  const r = await runExtractCommand({ file: join(dir, 'a.txt'), metaFile: join(dir, 'meta.json'), json: false })
  t.equal(r.exitCode, 0)
  t.match(r.output, /^1 draft claim\(s\) from .*a\.txt; nothing is recorded until an editor accepts them\./)
  t.match(r.output, /nearly 2,000 +\[1800, 2000\) +people +State Department +official +2024-11-27 +0\.\d\d +visa-restrictions-total \(/)
  t.match(r.output, '1. [17-112] The State Department said')
  t.match(r.output, 'Skipped 1 number(s): 1 × a year')
})

t.test('--json gives the drafts and skipped numbers as JSON', async (t) => {
  const dir = t.testdir({ 'a.txt': article, 'meta.json': meta })
  const r = await runExtractCommand({ file: join(dir, 'a.txt'), metaFile: join(dir, 'meta.json'), json: true })
  t.equal(r.exitCode, 0)
  const body = JSON.parse(r.output)
  t.equal(body.drafts.length, 1)
  t.same(body.drafts[0].value.stated, [2000])
  t.equal(body.drafts[0].suggestedFact.factId, 'visa-restrictions-total')
  t.same(body.skipped, [])
})

t.test('without metadata, relative dates stay unresolved and the publisher is unnamed', async (t) => {
  const dir = t.testdir({ 'a.txt': article })
  const body = JSON.parse((await runExtractCommand({ file: join(dir, 'a.txt'), json: true })).output)
  t.same([body.drafts[0].validAt, body.drafts[0].validAtPrecision], [null, 'unknown'])
})

t.test('a text with no figures says so and succeeds', async (t) => {
  const dir = t.testdir({ 'a.txt': 'Nothing to count here.' })
  const r = await runExtractCommand({ file: join(dir, 'a.txt'), json: false })
  t.same(r, { exitCode: 0, output: `${join(dir, 'a.txt')}: no figures to propose.` })
})

t.test('bad files are clear errors: missing, a directory, empty, binary, not UTF-8, over 1 MiB', async (t) => {
  const dir = t.testdir({
    'empty.txt': '',
    'bin.dat': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x21]),
    'latin1.txt': Buffer.from('Caf\xe9 had 21 tables.', 'latin1'),
    'big.txt': 'x'.repeat(5 * 1024 * 1024),
    sub: {},
  })
  const run = (file: string) => runExtractCommand({ file: join(dir, file), json: false })
  t.same(await run('missing.txt'), { exitCode: 2, output: `factledger extract: cannot read ${join(dir, 'missing.txt')}: ENOENT` })
  t.same(await run('sub'), { exitCode: 2, output: `factledger extract: ${join(dir, 'sub')} is not a file` })
  t.match(await run('empty.txt'), { exitCode: 1, output: /the text is empty .*\(EmptyText\)/ })
  t.match(await run('bin.dat'), { exitCode: 1, output: /control character U\+0003 .*\(BinaryText\)/ })
  t.match(await run('latin1.txt'), { exitCode: 1, output: /is not UTF-8 text/ })
  t.match(await run('big.txt'), { exitCode: 1, output: /is 5242880 bytes; the limit is 1048576 bytes/ })
})

t.test('bad metadata is a clear error naming the file and field', async (t) => {
  const dir = t.testdir({ 'a.txt': article, 'broken.json': '{ "publishedAt": ', 'wrong.json': '{ "publishedAt": 20241127 }', 'date.json': '{ "publishedAt": "yesterday" }' })
  const run = (m: string, json = false) => runExtractCommand({ file: join(dir, 'a.txt'), metaFile: join(dir, m), json })
  t.match(await run('broken.json'), { exitCode: 2, output: /broken\.json: not valid JSON/ })
  t.match(await run('wrong.json'), { exitCode: 2, output: /wrong\.json: publishedAt: / })
  t.match(await run('date.json'), { exitCode: 1, output: /publishedAt must be an ISO 8601 date .*\(InvalidPublishedAt\)/ })
  t.match(await run('missing.json'), { exitCode: 2, output: /missing\.json: cannot read it: ENOENT/ })
  t.same(JSON.parse((await run('broken.json', true)).output).error.includes('not valid JSON'), true, 'errors are JSON under --json')
})

t.test('intervals read at a glance', async (t) => {
  const show = (p: string) => {
    const q = parseQuantity(p)
    return q.ok ? formatInterval(q.quantity) : null
  }
  t.same([show('21'), show('more than 20'), show('up to $15 million'), show('nearly 2,000'), show('at least 5')], ['21', '(20, ∞)', '[0, 15000000] USD', '[1800, 2000)', '[5, ∞)'])
})
