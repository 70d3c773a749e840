import { pino } from 'pino'
import { createProjectionRunner } from '../src/runner/projection-runner.js'
import { openSqliteBackend } from '../src/store/sqlite/open-sqlite-backend.js'
const [path, sync, batch, n] = process.argv.slice(2)
const backend = await openSqliteBackend({ path: path!, logger: pino({ enabled: false }) })
if (sync) backend.store.database.pragma(`synchronous = ${sync}`)
if (process.env.CACHE) backend.store.database.pragma(`cache_size = ${process.env.CACHE}`)
let commitMs = 0
const orig = backend.readModel.commit.bind(backend.readModel)
backend.readModel.commit = async (b) => { const t = performance.now(); await orig(b); commitMs += performance.now() - t }
const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger: pino({ enabled: false }), batchSize: Number(batch ?? 500) })
const t = performance.now()
// rebuild only the first n events: reset, then catch up to n by a store wrapper
await backend.readModel.reset()
let done = 0n
await runner.rebuild((d) => { done = d; if (d >= BigInt(n ?? 1e9)) throw new Error('stop') }).catch((e) => { if (e.message !== 'stop') throw e })
const total = performance.now() - t
console.log({ sync, batch, done, total: Math.round(total), commitMs: Math.round(commitMs), rate: Math.round(Number(done) / total * 1000) })
await backend.close()
