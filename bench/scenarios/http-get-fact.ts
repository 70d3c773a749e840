import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { childScript, type ServerChild, startServerChild } from '../child-process.js'
import type { BenchContext } from '../context.js'
import { alternate } from '../measure.js'
import { type ScenarioResult, scenario } from '../results.js'

const CONNECTIONS = 10

/** A fact with a typical number of claims (the median), so the body is a typical one. */
function typicalFactId(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true })
  try {
    const counts = db.prepare('SELECT fact_id AS factId, count(*) AS claims FROM rm_claims GROUP BY fact_id ORDER BY claims, fact_id').all() as Array<{ factId: string; claims: number }>
    const middle = counts[counts.length >> 1]
    if (!middle) throw new Error('httpGetFact: the ledger has no facts with claims')
    return middle.factId
  } finally {
    db.close()
  }
}

/**
 * Wait for the server's background verification of the whole log (started
 * with the server, see app.ts) to finish: at 1,000,000 events it takes
 * longer than the measurement, and it would share the two cores with the
 * requests, so the rounds would measure start-up, not serving.
 */
async function integrityVerified(url: string, progress: BenchContext['progress']): Promise<void> {
  for (;;) {
    const state = (await (await fetch(`${url}/ledger/integrity`)).json()) as { status: string; checkedAtStart?: number }
    if (state.status === 'verified') return
    if (state.status !== 'verifying') throw new Error(`httpGetFact: the ledger's integrity is ${state.status}`)
    progress.status('httpGetFact: waiting for the server to verify the log')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function requestsPerSecond(url: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0) throw new Error(`httpGetFact: ${failed} of ${result.requests.total} requests to ${url} failed (non-2xx ${result.non2xx}, errors ${result.errors})`)
  return result.requests.total / (result.duration || seconds)
}

/**
 * GET /facts/:id on the real API (startServer over the generated ledger:
 * access control, rate limit, helmet, zod-validated response, ETag from the
 * fact stream) against a bare fastify route returning the same JSON from
 * memory. Each server is its own process; autocannon runs in this one with 10
 * connections, in alternating rounds, once the product has verified the log.
 */
export async function httpGetFact(ctx: BenchContext): Promise<ScenarioResult[]> {
  const dbPath = await ctx.ledgerDb()
  const script = childScript('http-server-child.ts')
  ctx.progress.status('httpGetFact: starting the API over the ledger')
  let product: ServerChild | null = null
  let bare: ServerChild | null = null
  try {
    product = await startServerChild(script, ['product', dbPath])
    await integrityVerified(product.url, ctx.progress)
    const factId = typicalFactId(dbPath)
    const path = `/facts/${encodeURIComponent(factId)}`
    const response = await fetch(product.url + path)
    if (response.status !== 200) throw new Error(`httpGetFact: GET ${path} answered ${response.status}`)
    const body = await response.text()
    const viewFile = join(ctx.workDir, 'fact-view.json')
    writeFileSync(viewFile, body)
    bare = await startServerChild(script, ['bare', viewFile])
    const seconds = ctx.quick ? 2 : 5
    // Warm both servers first: the product has far more code for the JIT to compile, and its
    // first seconds run at half speed (measured: 1,700 then 3,300 requests/s).
    ctx.progress.status('httpGetFact: warming both servers')
    await requestsPerSecond(bare.url + path, seconds)
    await requestsPerSecond(product.url + path, seconds)
    const measured = await alternate(
      ctx.quick ? 2 : 3,
      { baseline: { round: () => requestsPerSecond(bare!.url + path, seconds) }, product: { round: () => requestsPerSecond(product!.url + path, seconds) } },
      (i, which, value) => ctx.progress.status(`httpGetFact round ${i + 1} ${which}: ${Math.round(value)} requests/s`),
    )
    return [
      scenario({
        name: 'httpGetFact',
        value: measured.product,
        unit: 'requests/s',
        baseline: measured.baseline,
        note: `GET /facts/:id (${body.length} B body), ${CONNECTIONS} connections, real API vs bare fastify route returning the same JSON from memory`,
        target: { minRatio: 0.8, text: '>= 0.8' },
      }),
    ]
  } finally {
    await bare?.stop()
    await product?.stop()
  }
}
