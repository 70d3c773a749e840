import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { pino } from 'pino'
import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { startServer } from '../../src/http/server.js'
import { openRuntime } from '../../src/runtime.js'
import { cli } from '../cli/run-cli.js'
import { launchBrowser, openPage, screenshot } from './harness.js'

/** The tamper banner on every page, and the fact page's receipt download. */
const dir = mkdtempSync(join(tmpdir(), 'factledger-web-integrity-'))
const db = join(dir, 'ledger.db')
t.equal((await cli(['demo', '--db', db])).code, 0)
// Someone with the file changes a claim's figure by hand.
const raw = new Database(db)
raw.exec('DROP TRIGGER events_no_update')
const row = raw.prepare("SELECT position, data FROM events WHERE type = 'ClaimRecorded' ORDER BY position LIMIT 1").get() as { position: number; data: string }
raw.prepare('UPDATE events SET data = ? WHERE position = ?').run(row.data.replace(/"lower":\d+/, '"lower":99'), row.position)
raw.close()

const config = loadConfig({ FACTLEDGER_DB: db, PORT: '0', FACTLEDGER_DEMO: 'false', FACTLEDGER_SIGNING_KEY_FILE: join(dir, 'key.pem'), FACTLEDGER_RATE_LIMIT: '100000' })
const server = await startServer(await openRuntime(config, pino({ level: 'silent' })))
const browser = await launchBrowser()
const { page } = await openPage(browser)
t.teardown(async () => {
  await browser.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

t.test('every page of a tampered ledger shows a banner naming the first bad event', async (t) => {
  // The background verification runs after start-up: wait for its verdict, not for time.
  for (let state = ''; state !== 'tampered'; ) state = ((await (await fetch(`${server.url}/ledger/integrity`)).json()) as { status: string }).status
  for (const route of ['#/', '#/ledger', '#/facts/us-sanctions-2024-11-round-count']) {
    await page.goto(`${server.url}/${route}`)
    const banner = page.getByTestId('integrity-banner')
    await banner.waitFor()
    t.match(await banner.textContent(), new RegExp(`^This ledger failed verification: first bad event at position ${row.position} .*hash-mismatch`), route)
    t.equal(await banner.getAttribute('role'), 'alert')
  }
  await screenshot(page, 'tamper-banner')
})

t.test("the fact page links its receipt for download", async (t) => {
  await page.goto(`${server.url}/#/facts/us-sanctions-2024-11-round-count`)
  const link = page.getByTestId('download-receipt')
  await link.waitFor()
  t.equal(await link.getAttribute('href'), '/facts/us-sanctions-2024-11-round-count/receipt')
  t.equal(await link.getAttribute('download'), 'receipt-us-sanctions-2024-11-round-count.json')
})
