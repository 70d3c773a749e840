import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import t from 'tap'
import { parseEventLine, toEventLine } from '../../src/interchange/ndjson-event.js'
import { createHeadSigner } from '../../src/ledger/tamper/head-signer.js'
import { createLedgerTree } from '../../src/ledger/tamper/ledger-tree.js'
import { eventLeaf, treeHead } from '../../src/ledger/tamper/merkle.js'
import { signHead } from '../../src/ledger/tamper/signed-head.js'
import { createLedgerSigner, type LedgerSigner } from '../../src/ledger/tamper/signing-key.js'
import { hashEvent } from '../../src/store/hash-chain.js'
import type { Backend } from '../../src/backend/open-backend.js'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'
import { cli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'factledger-verify-export-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string) => join(dir, name)
const newSigner = () => createLedgerSigner(generateKeyPairSync('ed25519').privateKey)
const signer = newSigner()
writeFileSync(file('pub.pem'), signer.publicKeyPem)

/** What the server does for GET /ledger/head: catch the stored tree up, sign and store a head. */
async function signedHeadOf(backend: Pick<Backend, 'store' | 'treeStore'>, key: LedgerSigner): Promise<string> {
  const tree = createLedgerTree(backend.store, backend.treeStore)
  const heads = createHeadSigner({ tree, treeStore: backend.treeStore, signer: key, every: 1000, intervalMs: 60_000, logger: pino({ enabled: false }) })
  return JSON.stringify(await heads.current())
}

const db = file('ledger.db')
t.before(async () => {
  t.equal((await cli(['demo', '--db', db])).code, 0)
  t.equal((await cli(['export', '--out', file('ledger.ndjson'), '--db', db])).code, 0)
  const sqlite = await openSqliteBackend({ path: db })
  try {
    writeFileSync(file('head.json'), await signedHeadOf(sqlite, signer))
  } finally {
    await sqlite.close()
  }
})

t.test('an intact export verifies against a signed head, with no server and no database', async (t) => {
  const r = await cli(['verify-export', file('ledger.ndjson'), '--head', file('head.json'), '--key', file('pub.pem')])
  t.equal(r.code, 0, r.stdout + r.stderr)
  t.match(r.stdout, /export: 25 events in 25 streams; every hash and chain recomputes/)
  t.match(r.stdout, /head\.json: size 25, root [0-9a-f]{16}…, signed .* matches the export/)
  t.match(r.stdout, /VERIFIED/)
})

t.test('the same export from PostgreSQL verifies the same way, against heads signed on either backend', async (t) => {
  const pg = await freshPostgresDatabase(t, 'verify_export')
  const onPostgres = { FACTLEDGER_STORE: 'postgres', DATABASE_URL: pg.connectionString }
  t.equal((await cli(['import', file('ledger.ndjson')], onPostgres)).code, 0)
  const exported = await cli(['export', '--out', file('pg.ndjson')], onPostgres)
  t.equal(exported.code, 0, exported.stderr)
  const backend = await openPostgresBackend({ connectionString: pg.connectionString })
  try {
    writeFileSync(file('pg-head.json'), await signedHeadOf(backend, signer))
  } finally {
    await backend.close()
  }
  for (const [log, head] of [['pg.ndjson', 'head.json'], ['pg.ndjson', 'pg-head.json'], ['ledger.ndjson', 'pg-head.json']]) {
    const r = await cli(['verify-export', file(log!), '--head', file(head!), '--key', file('pub.pem')])
    t.equal(r.code, 0, `${log} against ${head}: ${r.stdout}`)
  }
})

t.test('a rewritten history, re-hashed and re-signed with another key, fails against a head saved earlier', async (t) => {
  const events = readFileSync(file('ledger.ndjson'), 'utf8').trim().split('\n').map((line, i) => {
    const parsed = parseEventLine(line, i + 1)
    if (!parsed.ok) throw new Error(parsed.message)
    return parsed.event
  })
  // Edit one claim's figure, then recompute every later hash of its stream, as a careful forger would.
  const target = events.findIndex((e) => e.type === 'ClaimRecorded')
  const edited = events[target]!
  edited.data = JSON.parse(JSON.stringify(edited.data).replace(/"lower":(\d+)/, '"lower":99'))
  const tips = new Map<string, string>()
  for (const e of events) {
    e.prevHash = tips.get(e.stream) ?? null
    e.hash = hashEvent(e, e.stream, e.revision, e.prevHash)
    tips.set(e.stream, e.hash)
  }
  writeFileSync(file('rewritten.ndjson'), events.map((e) => toEventLine(e)).join('\n') + '\n')
  const root = treeHead(events.map(eventLeaf)).rootHash.toString('hex')
  const forger = newSigner()
  writeFileSync(file('forged-head.json'), JSON.stringify(signHead(forger, { size: events.length, rootHash: root, position: events.at(-1)!.position }, new Date())))
  writeFileSync(file('forger.pem'), forger.publicKeyPem)

  const forgersView = await cli(['verify-export', file('rewritten.ndjson'), '--head', file('forged-head.json'), '--key', file('forger.pem')])
  t.equal(forgersView.code, 0, 'internally consistent: every chain and the forged head check out under the forged key')

  const saved = await cli(['verify-export', file('rewritten.ndjson'), '--head', file('head.json'), '--key', file('pub.pem')])
  t.equal(saved.code, 1)
  t.match(saved.stdout, /FAILED: .*head\.json: the export's first 25 events have root [0-9a-f]{64}, the signed head says [0-9a-f]{64}: the history differs from what was signed/)
  const forged = await cli(['verify-export', file('rewritten.ndjson'), '--head', file('forged-head.json'), '--key', file('pub.pem')])
  t.equal(forged.code, 1)
  t.match(forged.stdout, /FAILED: .*forged-head\.json: signed by key [0-9a-f]{16}…, not by the given key/)
})

t.test('two heads saved at different times both match one export: they are consistent', async (t) => {
  const events = readFileSync(file('ledger.ndjson'), 'utf8').trim().split('\n').map((line, i) => (parseEventLine(line, i + 1) as { ok: true; event: ReturnType<typeof Object> & { hash: string; position: bigint } }).event)
  const older = signHead(signer, { size: 10, rootHash: treeHead(events.slice(0, 10).map(eventLeaf)).rootHash.toString('hex'), position: events[9]!.position }, new Date('2025-01-01T00:00:00Z'))
  writeFileSync(file('older.json'), JSON.stringify(older))
  const r = await cli(['verify-export', file('ledger.ndjson'), '--head', file('older.json'), '--head', file('head.json'), '--key', file('pub.pem')])
  t.equal(r.code, 0, r.stdout)
  t.match(r.stdout, /the 2 heads are consistent: each is a prefix of this one log/)
  writeFileSync(file('short.ndjson'), readFileSync(file('ledger.ndjson'), 'utf8').split('\n').slice(0, 12).join('\n'))
  const short = await cli(['verify-export', file('short.ndjson'), '--head', file('older.json'), '--head', file('head.json'), '--key', file('pub.pem')])
  t.equal(short.code, 1)
  t.match(short.stdout, /FAILED: .*head\.json: the head covers 25 events, the export holds only 12/)
  t.notMatch(short.stdout, /older\.json:.*FAILED|FAILED:.*older\.json/, 'the older head still matches the shorter export')
})

t.test('bad inputs are named: a missing key, a malformed head, a broken export line, a changed byte', async (t) => {
  const noKey = await cli(['verify-export', file('ledger.ndjson'), '--head', file('head.json')])
  t.strictSame([noKey.code, noKey.stderr.trim()], [2, 'factledger verify-export: --key pub.pem is required (the ledger public key, from GET /ledger/key.pem)'])
  writeFileSync(file('bad-head.json'), JSON.stringify({ ...JSON.parse(readFileSync(file('head.json'), 'utf8')), rootHash: 'xyz' }))
  const badHead = await cli(['verify-export', file('ledger.ndjson'), '--head', file('bad-head.json'), '--key', file('pub.pem')])
  t.equal(badHead.code, 2)
  t.match(badHead.stderr, /bad-head\.json: rootHash: must be 64 hex digits/)
  writeFileSync(file('not-a-key.pem'), 'hello')
  t.match((await cli(['verify-export', file('ledger.ndjson'), '--head', file('head.json'), '--key', file('not-a-key.pem')])).stderr, /not-a-key\.pem is not an Ed25519 public key/)
  const lines = readFileSync(file('ledger.ndjson'), 'utf8').split('\n')
  writeFileSync(file('broken.ndjson'), [...lines.slice(0, 3), '{"id": 1}', ...lines.slice(3)].join('\n'))
  const broken = await cli(['verify-export', file('broken.ndjson'), '--head', file('head.json'), '--key', file('pub.pem')])
  t.equal(broken.code, 1)
  t.match(broken.stdout, /FAILED: .*broken\.ndjson: line 4: id: /)
  const source = lines.findIndex((l) => l.includes('"publisher":"'))
  writeFileSync(file('edited.ndjson'), lines.map((l, i) => (i === source ? l.replace('"publisher":"', '"publisher":"X') : l)).join('\n'))
  const edited = await cli(['verify-export', file('edited.ndjson'), '--head', file('head.json'), '--key', file('pub.pem')])
  t.equal(edited.code, 1)
  t.match(edited.stdout, new RegExp(`FAILED: first bad event at position ${source + 1} .*hash-mismatch`))
})
