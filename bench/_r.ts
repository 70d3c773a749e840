import { pino } from 'pino'
import { createProjectionRunner } from '../src/runner/projection-runner.js'
import { openSqliteBackend } from '../src/store/sqlite/open-sqlite-backend.js'
const path = process.argv[2]!
const backend = await openSqliteBackend({ path, logger: pino({ enabled: false }) })
const rm = backend.readModel
let commitMs = 0, commits = 0, readMs = 0
const origCommit = rm.commit.bind(rm)
rm.commit = async (b) => { const t = performance.now(); await origCommit(b); commitMs += performance.now() - t; commits++ }
const wrap = (name: keyof typeof rm) => { const f = (rm as any)[name].bind(rm); (rm as any)[name] = async (...a: unknown[]) => { const t = performance.now(); const r = await f(...a); readMs += performance.now() - t; return r } }
for (const n of ['getSource', 'getFact', 'getClaim', 'getClaimsOfFact', 'getFactIdsOfSource', 'listFactViews'] as const) wrap(n)
const runner = createProjectionRunner({ store: backend.store, readModel: rm, logger: pino({ enabled: false }), batchSize: Number(process.argv[3] ?? 500) })
const t = performance.now()
const pos = await runner.rebuild()
const total = performance.now() - t
console.log({ pos, total, commitMs, commits, readMs, rate: Number(pos) / total * 1000 })
await backend.close()
