import { join } from 'node:path'
import t from 'tap'
import { killDuringWrites, POISONED_FACT, ROUNDS, SEED } from './kill-during-writes.js'
import { sqliteReadModelFault } from './read-model-fault.js'

// The PostgreSQL rounds are their own file, so each backend has its own time budget and they run in parallel.
t.test(`SQLite: kill -9 during writes, ${ROUNDS} rounds, one with a read-model batch failing midway (seed ${SEED})`, async (t) => {
  const db = join(t.testdir(), 'ledger.db')
  await killDuringWrites(t, { db, env: { FACTLEDGER_STORE: 'sqlite' }, fault: sqliteReadModelFault(db, POISONED_FACT) })
})
