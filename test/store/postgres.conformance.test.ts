import t from 'tap'
import { createPostgresEventStore } from '../../src/store/postgres/create-postgres-event-store.js'
import { createTestDatabase } from '../helpers/postgres.js'
import { runConformance } from './conformance.js'

// Every case gets its own database on the real server (positions start at 1
// in each); the store migrates it on open, and cleanup drops it.
await runConformance(t, 'postgres', async () => {
  const db = await createTestDatabase('conformance')
  const open = () => createPostgresEventStore({ connectionString: db.connectionString, pollIntervalMs: 250 })
  return { store: await open(), reopen: open, cleanup: db.drop }
})
