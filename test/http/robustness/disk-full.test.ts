import { join } from 'node:path'
import t from 'tap'
import { openSqliteBackend } from '../../../src/backend/open-sqlite-backend.js'
import { closeTestApi, createTestApi, jsonWrite, seed } from '../harness.js'

const source = (title: string) => ({
  publisher: 'Example Wire',
  title,
  publishedAt: '2024-11-27',
  origin: 'example-wire',
  tier: 2,
  // Big enough to need new database pages.
  snapshotText: `The Treasury sanctioned 21 officials. ${'Background paragraph. '.repeat(8000)}`,
})

t.test('a full disk: 507 problem+json with Retry-After, nothing written, /ready fails; writes resume once space is back', async (t) => {
  const backend = await openSqliteBackend({ path: join(t.testdir(), 'ledger.db') })
  const api = await createTestApi({}, {}, backend)
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const db = backend.store.database
  // SQLite's own ceiling on the file: past it, the engine fails the write with SQLITE_FULL, as a full disk does.
  const pages = Number(db.pragma('page_count', { simple: true }))
  db.pragma(`max_page_count = ${pages + 2}`)
  const head = await api.head()

  const full = await api.app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor', { 'idempotency-key': 'full-disk-1' }), payload: source('Sanctions, full disk') })
  t.equal(full.statusCode, 507)
  t.match(full.headers['content-type'], /^application\/problem\+json/)
  t.equal(full.headers['retry-after'], '30')
  t.match(full.json(), { code: 'InsufficientStorage', detail: /disk is full; nothing was written/ })
  t.equal(await api.head(), head, 'nothing written')

  const ready = await api.app.inject({ url: '/ready' })
  t.equal(ready.statusCode, 503)
  t.match(ready.json(), { status: 'not-ready', writes: { kind: 'storage-full' }, reason: /writes cannot be stored/ })

  db.pragma('max_page_count = 1073741823')
  const retried = await api.app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor', { 'idempotency-key': 'full-disk-1' }), payload: source('Sanctions, full disk') })
  t.equal(retried.statusCode, 201, 'the same request succeeds once space is back')
  t.equal(retried.headers['idempotent-replayed'], undefined, 'it was written now, not replayed')
  t.equal(await api.head(), head + 1n)
  t.match((await api.app.inject({ url: '/ready' })).json(), { status: 'ready', writes: null })
  t.equal((await api.app.inject({ url: `/sources/${retried.json().id}` })).statusCode, 200, 'and it is visible')
})
