/**
 * Child process for resumable-rebuild.test.ts: rebuilds the read model of a
 * SQLite ledger in batches of 5 events and prints each batch's progress
 * ("progress <done> <total>", after the batch committed). With a kill
 * position it kills itself (SIGKILL: no clean-up, no finally) at the first
 * batch that reaches it: a rebuild cut off halfway.
 *
 * usage: node --import tsx test/runner/rebuild-child.ts <db path> [kill position]
 */
import { pino } from 'pino'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'

const [path, kill] = process.argv.slice(2)
if (!path) throw new Error('usage: rebuild-child.ts <db path> [kill position]')
const logger = pino({ level: 'silent' })
const backend = await openSqliteBackend({ path, logger })
const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger, catchUpBatchSize: 5 })
await runner.rebuild((done, total) => {
  process.stdout.write(`progress ${done} ${total}\n`)
  if (kill !== undefined && done >= BigInt(kill)) process.kill(process.pid, 'SIGKILL')
})
await backend.close()
