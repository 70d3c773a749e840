// test-tier: int  (the whole conformance suite on SQLite files, every commit fsynced)
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mkdtemp } from 'node:fs/promises'
import t from 'tap'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { runConformance } from './conformance.js'

await runConformance(t, 'sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'factledger-sqlite-'))
  const path = join(dir, 'ledger.db')
  return {
    store: await createSqliteEventStore({ path }),
    reopen: () => createSqliteEventStore({ path }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
})
