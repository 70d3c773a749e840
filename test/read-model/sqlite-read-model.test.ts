import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { runReadModelConformance } from './conformance.js'

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

t.test('a read-model commit relaxes fsync for itself only: the events connection is back to synchronous=FULL after it, and after a failed one', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'factledger-rm-'))
  const backend = await openSqliteBackend({ path: join(dir, 'ledger.db') })
  t.teardown(async () => {
    await backend.close()
    await rm(dir, { recursive: true, force: true })
  })
  const FULL = 2
  const synchronous = () => backend.store.database.pragma('synchronous', { simple: true })
  t.equal(synchronous(), FULL)
  await backend.readModel.commit({ sources: [], facts: [], claims: [], views: [], checkpoint: { position: 1n, version: 'v' } })
  t.equal(synchronous(), FULL, 'after a commit')
  const broken = { sources: [], facts: [], claims: [], views: [], checkpoint: { position: 'not a position' as unknown as bigint, version: 'v' } }
  await t.rejects(backend.readModel.commit(broken))
  t.equal(synchronous(), FULL, 'after a failed commit')
  t.same(await backend.readModel.getCheckpoint(), { position: 1n, version: 'v' }, 'the failed batch left nothing')
  const checkpointPages = () => backend.store.database.pragma('wal_autocheckpoint', { simple: true })
  await backend.readModel.commit({ sources: [], facts: [], claims: [], views: [], checkpoint: { position: 2n, version: 'v', rebuilding: true } })
  t.strictSame({ synchronous: synchronous(), checkpointPages: checkpointPages() }, { synchronous: FULL, checkpointPages: 1000 }, 'after a rebuilding commit (which checkpoints the WAL less often)')
})
