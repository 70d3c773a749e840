import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { cli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'factledger-verify-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const db = join(dir, 'ledger.db')

t.test('verify recomputes the chains of an intact ledger', async (t) => {
  t.equal((await cli(['demo', '--db', db])).code, 0)
  const r = await cli(['verify', '--db', db])
  t.equal(r.code, 0, r.stderr)
  t.match(r.stdout, /ledger verified: 25 events in 25 streams; every hash chain intact/)
  t.match(r.stdout, /tree head: size 25, root [0-9a-f]{64}/)
})

t.test('verify names the first tampered event and exits 1', async (t) => {
  const raw = new Database(db)
  // Quietly change what a source said, as an attacker with file access would.
  const row = raw.prepare("SELECT position, data FROM events WHERE type = 'ClaimRecorded' ORDER BY position LIMIT 1 OFFSET 2").get() as { position: number; data: string }
  // The schema refuses updates; someone with the file can still drop that guard.
  raw.exec('DROP TRIGGER events_no_update')
  raw.prepare('UPDATE events SET data = ? WHERE position = ?').run(row.data.replace(/"lower":\d+/, '"lower":99'), row.position)
  raw.close()
  const r = await cli(['verify', '--db', db])
  t.equal(r.code, 1)
  t.match(r.stdout, new RegExp(`LEDGER TAMPERED: first bad event at position ${row.position} .*hash-mismatch`))
  const json = await cli(['verify', '--json', '--db', db])
  t.match(JSON.parse(json.stdout), { ok: false, firstBad: { position: String(row.position), problem: 'hash-mismatch' } })
})
