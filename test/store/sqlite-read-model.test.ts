import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { openSqliteBackend } from '../../src/store/sqlite/open-sqlite-backend.js'
import { runReadModelConformance } from './read-model-conformance.js'

await runReadModelConformance(t, 'sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'factledger-rm-'))
  const backend = await openSqliteBackend({ path: join(dir, 'ledger.db') })
  return {
    readModel: backend.readModel,
    cleanup: async () => {
      await backend.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
})
