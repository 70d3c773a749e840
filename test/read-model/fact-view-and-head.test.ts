import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import type { Backend } from '../../src/backend/open-backend.js'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import { StoreUnavailableError } from '../../src/store/port.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'
import { expectOk, newEvents } from '../store/conformance/fixtures.js'
import { batch, factView } from './documents.js'

type Opened = Required<Pick<Backend, 'readFactViewAndHead'>> & Backend

/** The one-statement read answers what the read model and the store answer separately. */
async function readsTogether(t: Test, backend: Opened): Promise<void> {
  const { store, readModel } = backend
  const factId = `fact-under-test-${Math.random().toString(36).slice(2)}`
  const stream = `fact-${factId}`
  t.strictSame(await backend.readFactViewAndHead(factId, stream), { viewText: null, streamHead: null }, 'nothing yet')

  expectOk(t, await store.append(stream, newEvents(3), { expectedRevision: 'no_stream' }), 'append')
  t.strictSame(await backend.readFactViewAndHead(factId, stream), { viewText: null, streamHead: 2n }, 'events, no view yet')

  const view = factView(factId, 3, { summary: '21 <b>per</b> Treasury — «Caracas» \u2028' })
  await readModel.commit(batch(3, { views: [view] }))
  const both = await backend.readFactViewAndHead(factId, stream)
  t.strictSame(both, { viewText: JSON.stringify(view), streamHead: 2n })
  t.strictSame(both, { viewText: await readModel.getFactViewText!(factId), streamHead: await store.streamHead!(stream) }, 'what each port answers')

  expectOk(t, await store.append(stream, newEvents(1), { expectedRevision: 2n }), 'append again')
  t.equal((await backend.readFactViewAndHead(factId, stream)).streamHead, 3n, 'the head moves with the stream')
  t.strictSame(await backend.readFactViewAndHead(factId, 'fact-other'), { viewText: JSON.stringify(view), streamHead: null }, 'the two halves are independent')
}

t.test('SQLite: the current view and the stream head in one statement', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'factledger-view-head-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const backend = await openSqliteBackend({ path: join(dir, 'ledger.db') })
  await readsTogether(t, backend)
  await backend.close()
  await t.rejects(backend.readFactViewAndHead('f', 'fact-f'), StoreUnavailableError, 'closed')
})

t.test('PostgreSQL: the current view and the stream head in one query', async (t) => {
  const db = await freshPostgresDatabase(t, 'view_head')
  const backend = await openPostgresBackend({ connectionString: db.connectionString })
  t.teardown(() => backend.close())
  await readsTogether(t, backend)
})
