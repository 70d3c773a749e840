import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { loadConfig } from '../../src/config.js'
import { openRuntime } from '../../src/runtime.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'

/** A runtime on a fresh SQLite file; `cleanup` closes it and removes the directory. */
export async function openTestRuntime(options: { batchSize?: number; retryDelayMs?: (attempt: number) => number; factSnapshotEvery?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'factledger-runner-'))
  const path = join(dir, 'ledger.db')
  const logger = pino({ level: 'silent' })
  const backend = await openSqliteBackend({ path, logger })
  const runtime = await openRuntime(loadConfig({ FACTLEDGER_DB: path }), logger, backend, options)
  return {
    runtime,
    path,
    async cleanup() {
      await runtime.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
