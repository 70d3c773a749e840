import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { pino } from 'pino'
import t from 'tap'
import type { RecordedEvent } from '../../events/envelope.js'
import { loadDemo } from '../../src/demo/load-demo.js'
import { exportEvents } from '../../src/interchange/export-events.js'
import { importEvents } from '../../src/interchange/import-events.js'
import { createLedger } from '../../src/ledger/create-ledger.js'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import type { EventStore } from '../../src/store/port.js'
import type { ReadModelStore } from '../../src/read-model/port.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'

const logger = pino({ level: 'silent' })

async function readAll(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = []
  for await (const event of store.readAll()) events.push(event)
  return events
}

/** Every fact view, its history and the sources, as the JSON an API would serve. */
async function projectedJson(store: EventStore, readModel: ReadModelStore): Promise<string> {
  await createProjectionRunner({ store, readModel, logger }).rebuild()
  const views = (await readModel.listFactViews({ limit: 1000 })).items
  const histories = await Promise.all(views.map((v) => readModel.getFactViewHistory(v.factId)))
  const sources = (await readModel.listSources({ limit: 1000 })).items
  return JSON.stringify({ views, histories, sources, checkpoint: String((await readModel.getCheckpoint())?.position) })
}

// The demo ledger, written through the ledger's own commands on SQLite (the default backend).
const sqlite = await openSqliteBackend({ path: join(t.testdir(), 'ledger.db') })
t.teardown(() => sqlite.close())
const demo = await loadDemo(createLedger({ store: sqlite.store, now: () => new Date('2025-05-01T12:00:00.000Z') }))
const fromSqlite = await readAll(sqlite.store)

t.test('the demo ledger on SQLite is not trivial', async (t) => {
  t.ok(demo.written > 20, `${demo.written} commands`)
  t.equal(fromSqlite.length, demo.written, 'one event per command')
})

t.test('events read from SQLite and appended to PostgreSQL keep ids, revisions, positions, hashes and data', async (t) => {
  const db = await freshPostgresDatabase(t, 'transfer_direct')
  const postgres = await openPostgresBackend({ connectionString: db.connectionString })
  t.teardown(() => postgres.close())
  for (const e of fromSqlite) {
    const result = await postgres.store.append(e.stream, [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], {
      expectedRevision: e.revision === 0n ? 'no_stream' : e.revision - 1n,
    })
    if (!result.ok || result.events[0]!.hash !== e.hash) t.fail(`event ${e.id} at ${e.stream}@${e.revision}`, { result })
  }
  const inPostgres = await readAll(postgres.store)
  t.strictSame(inPostgres, fromSqlite, 'the whole log, field for field')
  t.equal(JSON.stringify(inPostgres.map((e) => e.data)), JSON.stringify(fromSqlite.map((e) => e.data)), 'payloads byte-identical as JSON')
})

t.test('factledger export from SQLite and import into PostgreSQL: same events, hashes and fact views', async (t) => {
  const db = await freshPostgresDatabase(t, 'transfer_ndjson')
  const postgres = await openPostgresBackend({ connectionString: db.connectionString })
  t.teardown(() => postgres.close())
  const file = join(t.testdir(), 'ledger.ndjson')
  const out = createWriteStream(file)
  t.equal(await exportEvents(sqlite.store, out), fromSqlite.length, 'exported every event')
  out.end()
  await finished(out)

  t.strictSame(await importEvents(postgres.store, file), { ok: true, imported: fromSqlite.length, skipped: 0 })
  t.strictSame(await readAll(postgres.store), fromSqlite, 'same events, revisions, positions and hashes')
  t.strictSame(await importEvents(postgres.store, file), { ok: true, imported: 0, skipped: fromSqlite.length }, 'importing again writes nothing')
  t.equal(await postgres.store.headPosition(), fromSqlite.at(-1)!.position)

  const onPostgres = await projectedJson(postgres.store, postgres.readModel)
  const onSqlite = await projectedJson(sqlite.store, sqlite.readModel)
  t.ok(onPostgres.includes('"status":"confirmed"'), 'the projection produced reconciled views')
  t.equal(onPostgres, onSqlite, 'fact views, their histories and the sources are byte-identical')
})
