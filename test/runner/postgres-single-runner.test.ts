import { pino } from 'pino'
import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { demoClaimIds } from '../../src/demo/fixture.js'
import { loadDemo } from '../../src/demo/load-demo.js'
import { runProjections } from '../../src/runner/run-projections.js'
import { openRuntime } from '../../src/runtime.js'
import { openBackend } from '../../src/backend/open-backend.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'

const logger = pino({ level: 'silent' })

t.test('two app processes on one PostgreSQL: one projects, the other stands by and takes over', async (t) => {
  const db = await freshPostgresDatabase(t, 'runner')
  const config = loadConfig({ FACTLEDGER_STORE: 'postgres', DATABASE_URL: db.connectionString })
  const backendA = await openBackend(config, logger)
  const backendB = await openBackend(config, logger)
  const a = await openRuntime(config, logger, backendA)
  const b = await openRuntime(config, logger, backendB)
  t.teardown(async () => {
    await b.close().catch(() => {})
  })

  const projectionsA = runProjections(backendA, a.runner, logger)
  await projectionsA.ready
  // A holds the lease once it has caught up (its position moves with writes); B only stands by.
  await loadDemo(b.ledger)
  const head = await b.store.headPosition()
  const projectionsB = runProjections(backendB, b.runner, logger)
  await projectionsB.ready
  t.equal(await a.runner.waitFor(head), true, 'A projects the writes made through B')
  t.equal(await b.runner.waitFor(head), true, 'B sees the read model through the stored checkpoint')
  t.equal(b.runner.position(), 0n, 'B has folded nothing itself')
  t.equal((await b.facts.getFact('us-sanctions-2024-11-round-count'))?.display, '21')

  // A goes away; B takes over and keeps projecting.
  await projectionsA.stop()
  await a.close()
  const r = await b.ledger.disputeClaim({ actor: 't', role: 'editor' }, demoClaimIds.novemberAp21, { reason: 'check the count' })
  if (!r.ok) throw new Error(r.error.message)
  let taken = false
  for (let i = 0; i < 200 && !taken; i++) {
    taken = b.runner.position() >= r.position
    if (!taken) await new Promise((res) => setTimeout(res, 50))
  }
  t.ok(taken, 'B folded the new event after taking the lease')
  await projectionsB.stop()
})
