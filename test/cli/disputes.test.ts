import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { demoClaimIds } from '../../src/demo/fixture-claims.js'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { closeTestApi, createTestApi } from '../http/harness.js'
import { cli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'factledger-cli-disputes-'))
const db = join(dir, 'ledger.db')
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const env = { FACTLEDGER_ACTOR: 'desk-editor' }
const claim = demoClaimIds.novemberAp21
const november = async () => JSON.parse((await cli(['facts', '--json', '--db', db])).stdout).find((f: { factId: string }) => f.factId === demoFactIds.novemberRound)

t.test('a dispute opened, listed and resolved from the command line', async (t) => {
  t.equal((await cli(['demo', '--db', db])).code, 0)
  const opened = await cli(['dispute', claim, '--reason', 'check the AP count', '--db', db], env)
  t.equal(opened.code, 0, opened.stderr)
  t.match(opened.stdout, /^dispute recorded at ledger position \d+ \(event [0-9a-f-]{36}\)\n$/)
  t.match(await november(), { status: 'confirmed', origins: 2 }, 'the disputed AP claim is not counted')

  await t.test('facts --json gives the same fact view as the API, open disputes included', async (t) => {
    const fromCli = await november()
    t.same(fromCli.disputes, { open: 1, reasons: ['check the AP count'] })
    const api = await createTestApi({}, {}, await openSqliteBackend({ path: db }))
    try {
      const res = await api.app.inject({ url: `/facts/${demoFactIds.novemberRound}` })
      t.equal(res.statusCode, 200)
      t.same(fromCli, res.json())
    } finally {
      await closeTestApi(api)
    }
  })

  const listed = JSON.parse((await cli(['disputes', claim, '--json', '--db', db])).stdout) as Array<{ disputeId: string; status: string; by: string }>
  t.match(listed, [{ status: 'open', by: 'desk-editor' }])

  const refused = await cli(['resolve-dispute', claim, '--dispute', listed[0]!.disputeId, '--outcome', 'ignored', '--reason', 'x', '--db', db], env)
  t.equal(refused.code, 1)
  t.match(refused.stderr, /^refused \(ValidationFailed\): outcome: /)
  const blank = await cli(['resolve-dispute', claim, '--dispute', listed[0]!.disputeId, '--outcome', 'dismissed', '--reason', '  ', '--db', db], env)
  t.match(blank, { code: 1, stderr: /reason: a reason is required/ })

  const resolved = await cli(['resolve-dispute', claim, '--dispute', listed[0]!.disputeId, '--outcome', 'dismissed', '--reason', 'AP lists all 21 names', '--db', db], env)
  t.equal(resolved.code, 0, resolved.stderr)
  t.match(resolved.stdout, /^dispute dismissed at ledger position \d+/)
  t.match(await november(), { status: 'confirmed', origins: 3 }, 'dismissed: it counts again')
  t.match((await cli(['disputes', claim, '--db', db])).stdout, /dismissed .*desk-editor: check the AP count -> AP lists all 21 names/)
  const again = await cli(['resolve-dispute', claim, '--dispute', listed[0]!.disputeId, '--outcome', 'upheld', '--reason', 'x', '--db', db], env)
  t.match(again, { code: 1, stderr: /refused \(InvariantViolated\): disputeId: that dispute was already dismissed/ })
})

t.test('a missing claim id is a usage error (exit 2)', async (t) => {
  t.match(await cli(['resolve-dispute', '--outcome', 'upheld']), { code: 2, stderr: /name the claim/ })
})
