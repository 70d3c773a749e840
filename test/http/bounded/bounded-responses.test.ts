import { join } from 'node:path'
import t from 'tap'
import { encodeCursor } from '../../../src/http/cursor.js'
import { BIG_FACT, writeBigFact } from './big-fact.js'
import { caughtUp, serveChild } from './serve-child.js'

const CLAIMS = 5000
const KiB = 1024
const MiB = 1024 * KiB
/** Any page of a list whose items are claims, versions, timeline entries, events, sources or audit entries. */
const PAGE_BOUND = 256 * KiB
/** Routes that answer one whole document about the fact grow with its claims, by at most this much per claim. */
const perClaim = (bytes: number) => bytes * CLAIMS
/** How much the server's RSS may grow over its size once caught up, across every route below, with 4 concurrent histories. */
const RSS_GROWTH_BOUND = 384 * MiB

t.test(`on a fact with ${CLAIMS} claims every read route answers within its size bound and the server's memory stays bounded`, async (t) => {
  const db = join(t.testdir(), 'ledger.db')
  const { claimIds, sourceIds } = await writeBigFact(db, CLAIMS)
  const server = await serveChild(db, { FACTLEDGER_RATE_LIMIT: '100000' })
  t.teardown(server.stop)
  await caughtUp(server.url)
  const head = ((await (await fetch(`${server.url}/ready`)).json()) as { headPosition: string }).headPosition
  const baseline = server.rss()
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, server.rss())), 25)
  t.teardown(() => clearInterval(sampler))

  const fact = `/facts/${BIG_FACT}`
  // A late page of the history: its versions are reconciled from a 5,000-claim fold, so it asks for 10.
  const lateHistory = `${fact}/history?limit=10&cursor=${encodeCursor(String(BigInt(head) - 40n))}`
  const bounds: Array<[string, number]> = [
    ['/facts', perClaim(160)],
    [fact, perClaim(160)],
    [`${fact}?asOf=${BigInt(head) / 2n}`, perClaim(160)],
    [`${fact}/history`, PAGE_BOUND],
    [lateHistory, PAGE_BOUND],
    [`${fact}/claims`, PAGE_BOUND],
    [`${fact}/timeline`, PAGE_BOUND],
    [`${fact}/claimreview`, perClaim(100)],
    [`${fact}/prov`, perClaim(2 * KiB)],
    [`${fact}/claims.csv`, perClaim(600)],
    [`${fact}/receipt`, perClaim(4 * KiB)],
    [`/claims/${claimIds[0]}`, 64 * KiB],
    ['/sources', PAGE_BOUND],
    [`/sources/${sourceIds[0]}`, 64 * KiB],
    [`/sources/${sourceIds[0]}/claims`, PAGE_BOUND],
    [`/sources/${sourceIds[0]}/snapshots`, PAGE_BOUND],
    ['/audit', PAGE_BOUND],
    [`/audit?factId=${BIG_FACT}`, PAGE_BOUND],
    ['/corrections', PAGE_BOUND],
    ['/events', PAGE_BOUND],
    ['/ledger/heads', PAGE_BOUND],
    ['/ledger/head', 16 * KiB],
    ['/ledger/proof/100', 16 * KiB],
    ['/ledger/consistency?from=10', 16 * KiB],
    ['/ledger/verify', 64 * KiB],
  ]
  const sizes: Record<string, number> = {}
  for (const [path, bound] of bounds) {
    const res = await fetch(server.url + path)
    const bytes = (await res.arrayBuffer()).byteLength
    sizes[path] = bytes
    t.equal(res.status, 200, path)
    t.ok(bytes <= bound, `${path}: ${bytes} bytes, bound ${bound}`)
  }
  // The attack: four concurrent anonymous history requests, on the first and a late page.
  const concurrent = await Promise.all([`${fact}/history`, lateHistory, `${fact}/history`, lateHistory].map(async (path) => (await fetch(server.url + path)).status))
  t.same(concurrent, [200, 200, 200, 200])
  peak = Math.max(peak, server.rss())
  t.comment(JSON.stringify({ baselineMiB: Math.round(baseline / MiB), peakMiB: Math.round(peak / MiB), sizes }))
  t.ok(peak - baseline <= RSS_GROWTH_BOUND, `RSS grew ${Math.round((peak - baseline) / MiB)} MiB over ${Math.round(baseline / MiB)} MiB, bound ${RSS_GROWTH_BOUND / MiB} MiB`)
})
