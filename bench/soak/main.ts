import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createBenchDatabase } from '../postgres-database.js'
import { createRandom } from '../random.js'
import { describeMachine } from '../results.js'
import { createSoakCorpus, reader, writer } from './api-clients.js'
import { startSoakServer } from './soak-server.js'
import { createSoakStats, formatRssTable, formatSoakTable, type RssSample } from './soak-stats.js'
import { recordDelivery, slowlorisClient, slowReader, sseClient } from './stream-clients.js'

/**
 * `npm run soak -- --minutes N [--backend sqlite|postgres] [--out FILE]`:
 * one `factledger serve` on loopback under a steady mix of readers, writers,
 * live-feed (SSE) clients, slowloris connections and slow readers for N
 * minutes (fractions allowed). Prints p50/p99 latency and errors per kind of
 * request and the server's RSS over time, and writes them as JSON.
 */
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    backend: { type: 'string', default: 'sqlite' },
    out: { type: 'string', default: 'bench/results-soak.json' },
    seed: { type: 'string', default: '20261207' },
  },
  strict: true,
})
const minutes = Number(values.minutes)
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, got "${values.minutes}"`)
if (values.backend !== 'sqlite' && values.backend !== 'postgres') throw new Error(`--backend is sqlite or postgres, got "${values.backend}"`)

/** How many clients of each kind run at once. */
const mix = { readers: 6, writers: 2, sseClients: 20, slowloris: 20, slowReaders: 4 }
const RSS_EVERY_MS = 5_000

const dir = mkdtempSync(join(tmpdir(), 'factledger-soak-'))
const database = values.backend === 'postgres' ? await createBenchDatabase('soak') : null
const server = await startSoakServer({
  FACTLEDGER_STORE: values.backend,
  FACTLEDGER_DB: join(dir, 'ledger.db'),
  ...(database ? { DATABASE_URL: database.connectionString } : {}),
})
const random = createRandom(Number(values.seed))
const stats = createSoakStats()
const corpus = await createSoakCorpus(server.url, 10)
const rss: RssSample[] = [{ atSeconds: 0, rssMiB: server.rssMiB() }]
process.stderr.write(`soak: ${minutes} min on ${values.backend} at ${server.url} (server pid ${server.pid}); ${JSON.stringify(mix)}\n`)

const stop = new AbortController()
const stopWrites = new AbortController()
const started = performance.now()
const arrivals = Array.from({ length: mix.sseClients }, () => new Map<string, number>())
const clients = [
  ...arrivals.map((a) => sseClient(server.url, a, stats, stop.signal)),
  ...Array.from({ length: mix.slowloris }, () => slowlorisClient(server.url, stats, stop.signal)),
  ...Array.from({ length: mix.slowReaders }, () => slowReader(server.url, stats, stop.signal)),
  ...Array.from({ length: mix.readers }, () => reader(server.url, corpus, random, stats, stop.signal)),
]
const writers = Array.from({ length: mix.writers }, () => writer(server.url, corpus, random, stats, stopWrites.signal))
const sampler = setInterval(() => {
  rss.push({ atSeconds: Math.round((performance.now() - started) / 1000), rssMiB: server.rssMiB() })
  const last = rss.at(-1)!
  process.stderr.write(`soak: ${last.atSeconds} s, RSS ${last.rssMiB.toFixed(1)} MiB, ${corpus.claims.length} claims written\n`)
}, RSS_EVERY_MS)
await new Promise((resolve) => setTimeout(resolve, minutes * 60_000))
clearInterval(sampler)
rss.push({ atSeconds: Math.round((performance.now() - started) / 1000), rssMiB: server.rssMiB() })
stopWrites.abort()
await Promise.all(writers)
// The feeds get a moment for the last writes' frames before everything stops and delivery is counted.
await new Promise((resolve) => setTimeout(resolve, 2_000))
stop.abort()
await Promise.all(clients)
recordDelivery(corpus, arrivals, stats)
const exitCode = await server.stop()
await database?.drop()
rmSync(dir, { recursive: true, force: true })

const lines = stats.summary()
const report = {
  minutes,
  backend: values.backend,
  machine: describeMachine(),
  mix,
  claimsWritten: corpus.claims.length,
  requests: lines,
  rss,
  serverExit: exitCode,
  serverWarnings: server.warnings().length,
  ranAt: new Date().toISOString(),
}
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`)
const machine = report.machine
process.stdout.write(
  [
    `soak: ${minutes} min on ${values.backend}, ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; ${corpus.claims.length} claims written`,
    `clients: ${mix.readers} readers, ${mix.writers} writers, ${mix.sseClients} SSE, ${mix.slowloris} slowloris, ${mix.slowReaders} slow readers`,
    '',
    formatSoakTable(lines),
    '',
    formatRssTable(rss),
    '',
    `server exit on SIGTERM: ${exitCode}; warnings logged: ${report.serverWarnings}; JSON: ${values.out}`,
    '',
  ].join('\n'),
)
