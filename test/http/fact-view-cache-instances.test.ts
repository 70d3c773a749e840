import { join } from 'node:path'
import { pino } from 'pino'
import t, { type Test } from 'tap'
import type { Backend } from '../../src/backend/open-backend.js'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { loadConfig } from '../../src/config.js'
import { buildApp } from '../../src/http/app.js'
import { openRuntime } from '../../src/runtime.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'
import { closeTestApi, createTestApi, ids, jsonWrite, seed, testSigner } from './harness.js'

/**
 * Two app instances on one database, as two processes would be: A writes
 * (and its runner projects), B only reads, with its response cache on. B
 * must never answer a view that A's write replaced.
 */
async function writerAndReader(t: Test, open: () => Promise<Backend>) {
  const writer = await createTestApi({}, {}, await open())
  t.teardown(() => closeTestApi(writer))
  await seed(writer.runtime)
  // B's runner is never started: the writer's runner projects, as the runner lease would arrange.
  const readerRuntime = await openRuntime(loadConfig({ LOG_LEVEL: 'silent' }), pino({ enabled: false }), await open())
  t.teardown(() => readerRuntime.close())
  const reads = { count: 0 }
  const readFactViewAndHead = readerRuntime.readFactViewAndHead!
  readerRuntime.readFactViewAndHead = (factId, stream) => {
    reads.count++
    return readFactViewAndHead(factId, stream)
  }
  const reader = await buildApp(readerRuntime, { signer: testSigner })
  t.teardown(() => reader.close())
  const read = () => reader.inject({ url: `/facts/${ids.fact}`, headers: { 'x-request-id': 'same-request' } })
  return { writer, reader, read, reads, readerRuntime }
}

async function scenario(t: Test, open: () => Promise<Backend>, cached: boolean) {
  const { writer, read, reads } = await writerAndReader(t, open)
  const first = await read()
  t.equal(first.statusCode, 200)
  t.equal(first.json().status, 'confirmed')
  const again = await read()
  t.equal(again.body, first.body)
  t.equal(again.headers.etag, first.headers.etag)
  t.equal(reads.count, cached ? 1 : 2, cached ? 'nothing committed: answered from memory' : 'no change stamp: read each time')

  const pin = await writer.app.inject({
    method: 'POST',
    url: `/facts/${ids.fact}/pins`,
    headers: jsonWrite('editor', { 'if-match': first.headers.etag as string }),
    payload: { claimId: ids.claimReuters, reason: 'the Treasury release itself' },
  })
  t.equal(pin.statusCode, 200)
  t.equal(pin.headers['factledger-projection'], undefined, 'the write is projected before it is answered')
  const afterPin = await read()
  t.equal(afterPin.json().status, 'pinned', "the reader sees the writer's write")
  t.equal(afterPin.headers.etag, pin.headers.etag, 'and the new ETag')
  const fromWriter = await writer.app.inject({ url: `/facts/${ids.fact}`, headers: { 'x-request-id': 'same-request' } })
  t.equal(afterPin.body, fromWriter.body, 'the same bytes as the writer answers')

  // A write that does not touch the fact: read again (any commit moves the stamp), same answer.
  const before = reads.count
  const other = await writer.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { factId: 'unrelated-fact', question: 'How many?', subject: 'x', unit: 'persons', kind: 'count' } })
  t.equal(other.statusCode, 201)
  const afterOther = await read()
  t.equal(reads.count, before + 1, 'another commit: read again')
  t.equal(afterOther.body, afterPin.body)
  t.equal(afterOther.headers.etag, afterPin.headers.etag)
  if (cached) {
    await read()
    t.equal(reads.count, before + 1, 'and remembered again')
  }
}

t.test('SQLite: a write through one instance is seen by the other, whose cache held the old view', async (t) => {
  const path = join(t.testdir(), 'ledger.db')
  await scenario(t, () => openSqliteBackend({ path }), true)
})

t.test('PostgreSQL: a write through one instance is seen by the other (no change stamp, so no remembered answers)', async (t) => {
  const db = await freshPostgresDatabase(t, 'viewcache')
  const backend = await openPostgresBackend({ connectionString: db.connectionString })
  t.equal('readChangeStamp' in backend, false, 'PostgreSQL offers no change stamp')
  await backend.close()
  await scenario(t, () => openPostgresBackend({ connectionString: db.connectionString }), false)
})
