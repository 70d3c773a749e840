import { writeLedgerNdjson } from './ledger-ndjson.js'
import { importEvents } from '../src/interchange/import-events.js'
import { createSqliteEventStore } from '../src/store/sqlite/create-sqlite-event-store.js'
import { existsSync } from 'node:fs'
const n = Number(process.argv[2] ?? 30000)
const file = `/tmp/p-imp/ledger-${n}.ndjson`
if (!existsSync(file)) await writeLedgerNdjson(file, n)
const store = await createSqliteEventStore({ path: `/tmp/p-imp/db-${Date.now()}.db` })
const t = performance.now()
const r = await importEvents(store, file, { window: Number(process.argv[3] ?? 256) })
console.log(r, n / ((performance.now() - t) / 1000), store.stats())
await store.close()
