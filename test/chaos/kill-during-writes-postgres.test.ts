import { join } from 'node:path'
import t from 'tap'
import { freshPostgresDatabase } from '../helpers/postgres.js'
import { killDuringWrites, POISONED_FACT, ROUNDS, SEED } from './kill-during-writes.js'
import { postgresReadModelFault } from './read-model-fault.js'

t.test(`PostgreSQL: kill -9 during writes, ${ROUNDS} rounds, one with a read-model batch failing midway (seed ${SEED})`, async (t) => {
  const database = await freshPostgresDatabase(t, 'chaos')
  // Only the signing key lives beside FACTLEDGER_DB on PostgreSQL.
  const db = join(t.testdir(), 'ledger.db')
  await killDuringWrites(t, { db, env: { FACTLEDGER_STORE: 'postgres', DATABASE_URL: database.connectionString }, fault: postgresReadModelFault(database.connectionString, POISONED_FACT) })
})
