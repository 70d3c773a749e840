import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { hashEvent } from '../../src/store/hash-chain.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { cli } from '../cli/run-cli.js'
import { closeTestApi, createTestApi, ids, jsonWrite } from './harness.js'

const dir = mkdtempSync(join(tmpdir(), 'factledger-guard-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))

/** The API over a ledger file, as `serve` opens it; resolves once the background verification has finished. */
async function serve(db: string) {
  const api = await createTestApi({}, {}, await openSqliteBackend({ path: db }))
  await api.waitForLog(/ledger verified: every hash chain|LEDGER TAMPERED/)
  const integrity = (await api.app.inject({ url: '/ledger/integrity' })).json()
  return { api, integrity }
}

/** SQL on the file as someone with file access would run it, with the append-only guard dropped. */
function editFile(db: string, edit: (raw: Database.Database) => void): void {
  const raw = new Database(db)
  raw.exec('DROP TRIGGER IF EXISTS events_no_update')
  edit(raw)
  raw.close()
}

const source = { publisher: 'El País', title: 'EE UU sanciona', url: 'https://example.org/elpais', publishedAt: '2024-11-28', origin: 'el-pais', tier: 2 }

t.test('an intact ledger is verified; the next start checks only the events after the last verified head', async (t) => {
  const db = join(dir, 'intact.db')
  t.equal((await cli(['demo', '--db', db])).code, 0)
  const first = await serve(db)
  t.match(first.integrity, { status: 'verified', size: 25, checkedAtStart: 0 })
  t.equal((await first.api.app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor'), payload: source })).statusCode, 201)
  t.equal((await first.api.app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor'), payload: { ...source, url: 'https://example.org/2' } })).statusCode, 201)
  await closeTestApi(first.api)
  const second = await serve(db)
  t.teardown(() => closeTestApi(second.api))
  t.match(second.integrity, { status: 'verified', size: 27, checkedAtStart: 2 }, 'the two new events were checked before listening')
  t.equal((await second.api.app.inject({ url: '/ready' })).statusCode, 200)
})

t.test('a hand-edited event: writes are refused with 503 naming it, /ready fails, /ledger/integrity says tampered', async (t) => {
  const db = join(dir, 'edited.db')
  t.equal((await cli(['demo', '--db', db])).code, 0)
  await closeTestApi((await serve(db)).api)
  let position = 0
  editFile(db, (raw) => {
    const row = raw.prepare("SELECT position, data FROM events WHERE type = 'ClaimRecorded' ORDER BY position LIMIT 1 OFFSET 2").get() as { position: number; data: string }
    position = row.position
    raw.prepare('UPDATE events SET data = ? WHERE position = ?').run(row.data.replace(/"lower":\d+/, '"lower":99'), row.position)
  })
  const { api, integrity } = await serve(db)
  t.teardown(() => closeTestApi(api))
  t.match(integrity, { status: 'tampered', firstBad: { position: String(position), problem: 'hash-mismatch' } })
  const write = await api.app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor'), payload: source })
  t.equal(write.statusCode, 503)
  t.equal(write.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(write.json(), { code: 'LedgerTampered', detail: new RegExp(`first bad event at position ${position} .*hash-mismatch`) })
  const ready = await api.app.inject({ url: '/ready' })
  t.equal(ready.statusCode, 503)
  t.match(ready.json().reason, new RegExp(`^LEDGER TAMPERED: first bad event at position ${position}`))
  t.equal((await api.app.inject({ url: `/facts/${'us-sanctions-2024-11-round-count'}` })).statusCode, 200, 'reads still work, for the investigation')
})

t.test('a rewrite that re-hashes its stream passes every chain but not the head signed before it', async (t) => {
  const db = join(dir, 'rewritten.db')
  t.equal((await cli(['demo', '--db', db])).code, 0)
  const before = await serve(db)
  const signed = (await before.api.app.inject({ url: '/ledger/head' })).json()
  await closeTestApi(before.api)
  editFile(db, (raw) => {
    const row = raw.prepare("SELECT * FROM events WHERE type = 'ClaimRecorded' ORDER BY position LIMIT 1").get() as Record<string, string | number | null>
    const data = String(row.data).replace(/"lower":\d+/, '"lower":99')
    const event = { id: String(row.id), type: String(row.type), schemaVersion: Number(row.schema_version), data: JSON.parse(data), metadata: JSON.parse(String(row.metadata)) }
    const hash = hashEvent(event, String(row.stream), BigInt(row.revision!), row.prev_hash as string | null)
    // A claim stream with one event: re-hashing it leaves every chain intact. The tree is rebuilt too.
    raw.prepare('UPDATE events SET data = ?, hash = ? WHERE position = ?').run(data, hash, row.position)
    raw.exec('DELETE FROM merkle_leaves; DELETE FROM merkle_nodes; DELETE FROM verified_tree_head')
  })
  const { api, integrity } = await serve(db)
  t.teardown(() => closeTestApi(api))
  t.match(integrity, { status: 'tampered', firstBad: null, detail: new RegExp(`first ${signed.size} events have root [0-9a-f]{64}, but the head signed at ${signed.signedAt} says ${signed.rootHash}: history was rewritten`) })
  t.equal((await api.app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/disputes`, headers: jsonWrite('editor'), payload: { reason: 'x' } })).statusCode, 503)
  const verify = await cli(['verify', '--db', db])
  t.equal(verify.code, 1, '`factledger verify` compares with the stored signed heads too')
  t.match(verify.stdout, /^LEDGER TAMPERED: the log's first 25 events have root [0-9a-f]{64}, but the head signed at .* history was rewritten/)
})
