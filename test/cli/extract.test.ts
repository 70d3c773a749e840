import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { cli } from './run-cli.js'

t.test('factledger extract proposes drafts with hedges, attribution chains and modality, and records nothing', async (t) => {
  const dir = t.testdir()
  const article = join(dir, 'a.txt')
  const meta = join(dir, 'meta.json')
  writeFileSync(article, 'The Treasury Department is close to announcing 15 individual sanctions against officials, according to documents seen by Bloomberg.\nMore than 2,400 Venezuelans were arrested.\n')
  writeFileSync(meta, JSON.stringify({ publishedAt: '2024-09-03' }))
  const r = await cli(['extract', article, '--meta', meta, '--json'])
  t.equal(r.code, 0, r.stderr)
  const drafts = (JSON.parse(r.stdout) as { drafts: Array<Record<string, unknown>> }).drafts
  t.equal(drafts.length, 2)
  t.match(drafts[0], { figure: '15', modality: 'planned', attributedTo: 'Treasury Department', via: ['documents seen by Bloomberg'], validAt: '2024-09-03' })
  t.match(drafts[1], { figure: 'More than 2,400', value: { hedge: 'more-than', lower: 2400, upper: null } })
})

t.test('extract: a missing file or argument is a one-line error', async (t) => {
  t.match(await cli(['extract']), { code: 2, stderr: /usage: factledger extract <article.txt>/ })
  const missing = await cli(['extract', join(t.testdir(), 'nope.txt')])
  t.not(missing.code, 0)
  t.match(missing.stderr, /cannot read .*nope\.txt/)
})
