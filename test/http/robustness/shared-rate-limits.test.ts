import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import t, { type Test } from 'tap'
import { loadConfig } from '../../../src/config.js'
import { openWindowCounter } from '../../../src/http/limits/open-counter.js'
import { createRedisCounter } from '../../../src/http/limits/redis-counter.js'
import type { WindowCounter } from '../../../src/http/limits/window-counter.js'
import { migratePostgres } from '../../../src/store/postgres/migrate.js'
import { freshPostgresDatabase } from '../../helpers/postgres.js'
import { bearer, closeTestApi, createTestApi } from '../harness.js'

/** Two API processes (two apps) on one set of counters: the limit holds across both, it does not double. */
async function twoAppsShare(t: Test, open: () => Promise<WindowCounter>) {
  const counters = [await open(), await open()]
  t.teardown(() => Promise.all(counters.map((c) => c.close())))
  const apps = await Promise.all(counters.map((counter) => createTestApi({}, { rateLimitPerMinute: 4, authFailuresPerMinute: 2, counter })))
  t.teardown(() => Promise.all(apps.map(closeTestApi)))
  const statuses: number[] = []
  for (let i = 0; i < 6; i++) statuses.push((await apps[i % 2]!.app.inject({ url: '/facts', headers: bearer('reader') })).statusCode)
  t.same(statuses, [200, 200, 200, 200, 429, 429], 'requests per key, counted across both apps')
  const wrong = { authorization: 'Bearer wrong-key-that-is-long-enough' }
  const auth: number[] = []
  for (let i = 0; i < 4; i++) auth.push((await apps[i % 2]!.app.inject({ url: '/facts', headers: wrong, remoteAddress: '192.0.2.44' })).statusCode)
  t.same(auth, [401, 401, 429, 429], 'failed authentications per address, counted across both apps')
}

t.test('on PostgreSQL the API processes share their rate-limit counters (table rate_limit_windows)', async (t) => {
  const db = await freshPostgresDatabase(t, 'limits')
  await migratePostgres(db.connectionString)
  const config = loadConfig({ FACTLEDGER_STORE: 'postgres', DATABASE_URL: db.connectionString })
  await twoAppsShare(t, async () => {
    const counter = await openWindowCounter(config, pino({ level: 'silent' }))
    t.equal(counter.kind, 'postgres')
    return counter
  })
})

t.test('with FACTLEDGER_REDIS_URL the counters live in Redis', async (t) => {
  // A prefix of its own, so this test never meets another run's (or anyone's) keys on the shared server.
  const prefix = `factledger-test:${randomBytes(6).toString('hex')}:`
  const config = loadConfig({ FACTLEDGER_REDIS_URL: 'redis://127.0.0.1:6379' })
  const probe = await openWindowCounter(config, pino({ level: 'silent' }))
  t.equal(probe.kind, 'redis', 'chosen from the configuration')
  await probe.close()
  await twoAppsShare(t, async () => createRedisCounter('redis://127.0.0.1:6379', prefix))
})

t.test('a shared counter that fails falls back to counting in the process, and says so in the log', async (t) => {
  const lines: string[] = []
  const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) })
  const config = loadConfig({ FACTLEDGER_REDIS_URL: 'redis://127.0.0.1:1' })
  const counter = await openWindowCounter(config, logger)
  t.teardown(() => counter.close())
  const counts = []
  for (let i = 0; i < 3; i++) counts.push((await counter.hit('k', 60_000)).count)
  t.same(counts, [1, 2, 3])
  t.equal(lines.filter((l) => l.includes('counting in this process')).length, 1, 'logged once, not per request')
})
