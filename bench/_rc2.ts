import { pino } from 'pino'
import { createProjectionRunner } from '../src/runner/projection-runner.js'
import { openSqliteBackend } from '../src/store/sqlite/open-sqlite-backend.js'
const path = process.argv[2]!
const backend = await openSqliteBackend({ path, logger: pino({ enabled: false }) })
const db = backend.store.database
if (process.env.CACHE) db.pragma(`cache_size = ${process.env.CACHE}`)
if (process.env.SYNC) db.pragma(`synchronous = ${process.env.SYNC}`)
const T = { body: 0, commit: 0, n: 0 }
const origCommit = backend.readModel.commit
// The writer's transaction wrapper: swap it for explicit BEGIN / body / COMMIT to time COMMIT alone.
const { createReadModelWriter } = await import('../src/store/sqlite/read-model-commit.js')
db.transaction = ((fn: (...a: unknown[]) => unknown) => { const w = (...a: unknown[]) => fn(...a); (w as any).immediate = (...a: unknown[]) => { db.exec('BEGIN IMMEDIATE'); let t = performance.now(); const r = fn(...a); T.body += performance.now() - t; t = performance.now(); db.exec('COMMIT'); T.commit += performance.now() - t; T.n++; return r }; return w }) as any
const writer = createReadModelWriter(db)
backend.readModel.commit = async (b) => writer.commit(b)
const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger: pino({ enabled: false }) })
const cpu0 = process.cpuUsage(); const t0 = performance.now()
await runner.rebuild()
const cpu = process.cpuUsage(cpu0)
console.log({ rss: Math.round(process.resourceUsage().maxRSS / 1024), cache: process.env.CACHE, wall: Math.round(performance.now() - t0), cpuUser: Math.round(cpu.user / 1000), cpuSys: Math.round(cpu.system / 1000), body: Math.round(T.body), commit: Math.round(T.commit), commits: T.n })
await backend.close()
