import Database from 'better-sqlite3'
import { pino } from 'pino'
import { openSqliteBackend } from '../src/store/sqlite/open-sqlite-backend.js'
import { createFactQueries } from '../src/read/fact-queries.js'
import { streamRevision } from '../src/http/etag.js'
const db = process.argv[2]!
const fid = (new Database(db, { readonly: true }).prepare('SELECT fact_id FROM rm_claims GROUP BY fact_id HAVING count(*) = 7 LIMIT 1').pluck().get()) as string
const b = await openSqliteBackend({ path: db, logger: pino({ enabled: false }) })
const facts = createFactQueries(b)
for (let r = 0; r < 3; r++) {
  let t = performance.now()
  for (let i = 0; i < 5000; i++) await facts.getFact(fid)
  const a = (performance.now() - t) / 5
  t = performance.now()
  for (let i = 0; i < 5000; i++) await streamRevision(b.store, `fact-${fid}`)
  const c = (performance.now() - t) / 5
  t = performance.now()
  for (let i = 0; i < 5000; i++) JSON.stringify(await facts.getFact(fid))
  const d = (performance.now() - t) / 5
  console.log('getFact µs', a.toFixed(1), 'streamRevision µs', c.toFixed(1), 'getFact+stringify', d.toFixed(1))
}
const q = b.store.database.prepare('EXPLAIN QUERY PLAN SELECT position FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?').all(`fact-${fid}`, 100, 1)
console.log(q)
await b.close()
