import { randomUUID } from 'node:crypto'
import { demoFactIds } from '../../src/demo/fixture-ids.js'
import type { Random } from '../random.js'
import { SOAK_EDITOR_KEY } from './soak-server.js'
import type { SoakStats } from './soak-stats.js'

const write = { authorization: `Bearer ${SOAK_EDITOR_KEY}`, 'content-type': 'application/json' }

/** The soak's own facts (claims pile up on them as it runs) and the source its claims cite. */
export interface SoakCorpus {
  sourceId: string
  facts: string[]
  /** Claims recorded so far, for reads of single claims. */
  claims: string[]
  /** When each write was sent, by its event id: the SSE clients measure delivery from it. */
  sentAt: Map<string, number>
}

async function post(url: string, path: string, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { ...write, ...extra }, body: JSON.stringify(body) })
}

export async function createSoakCorpus(url: string, factCount: number): Promise<SoakCorpus> {
  const sourceId = randomUUID()
  const source = await post(url, '/sources', { sourceId, publisher: 'Soak Wire', title: 'Storm Ilse, hour by hour', publishedAt: '2026-12-01', origin: 'soak-wire', tier: 2 })
  if (source.status !== 201) throw new Error(`registering the soak source: ${source.status} ${await source.text()}`)
  const facts: string[] = []
  for (let i = 0; i < factCount; i++) {
    const factId = `soak-homes-without-power-${i}`
    const fact = await post(url, '/facts', { factId, question: `How many homes in district ${i} lost power?`, subject: `Storm Ilse, district ${i}`, unit: 'homes', kind: 'count' })
    if (fact.status !== 201) throw new Error(`defining ${factId}: ${fact.status} ${await fact.text()}`)
    facts.push(factId)
  }
  return { sourceId, facts, claims: [], sentAt: new Map() }
}

/** Read a response to its end: a status other than `expected` is the failure, named with the problem's code. */
async function expect(response: Response, expected: number): Promise<true | string> {
  const text = await response.text()
  if (response.status === expected) return true
  const code = /"code":"(\w+)"/.exec(text)?.[1]
  return code ? `${response.status} ${code}` : String(response.status)
}

/** One reader: GETs of lists, views, histories and claims, one after another, until `stop`. */
export async function reader(url: string, corpus: SoakCorpus, random: Random, stats: SoakStats, stop: AbortSignal): Promise<void> {
  const demo = Object.values(demoFactIds)
  while (!stop.aborted) {
    const roll = random.next()
    const factId = random.next() < 0.5 ? random.pick(demo) : random.pick(corpus.facts)
    if (roll < 0.4) await stats.time('GET /facts/:id', async () => expect(await fetch(`${url}/facts/${factId}`), 200))
    else if (roll < 0.65) await stats.time('GET /facts?limit=50', async () => expect(await fetch(`${url}/facts?limit=50`), 200))
    else if (roll < 0.85) await stats.time('GET /facts/:id/history?limit=50', async () => expect(await fetch(`${url}/facts/${factId}/history?limit=50`), 200))
    else if (corpus.claims.length > 0) await stats.time('GET /claims/:id', async () => expect(await fetch(`${url}/claims/${random.pick(corpus.claims)}`), 200))
  }
}

/** One writer: claims on the soak's facts, each with an Idempotency-Key, until `stop`. */
export async function writer(url: string, corpus: SoakCorpus, random: Random, stats: SoakStats, stop: AbortSignal): Promise<void> {
  while (!stop.aborted) {
    const value = String(1 + random.int(40_000))
    const body = {
      claimId: randomUUID(),
      factId: random.pick(corpus.facts),
      sourceId: corpus.sourceId,
      citation: { quote: `${value} homes were still without power` },
      attributedTo: 'the utility',
      value,
      modality: 'official',
      validAt: '2026-12-01',
    }
    const sentAt = performance.now()
    await stats.time('POST /claims', async () => {
      const response = await post(url, '/claims', body, { 'idempotency-key': randomUUID() })
      if (response.status !== 201) return expect(response, 201)
      const { eventId } = (await response.json()) as { eventId: string }
      corpus.sentAt.set(eventId, sentAt)
      corpus.claims.push(body.claimId)
      // Stored but not yet visible to readers after the server's wait: counted apart, as the client sees it.
      return response.headers.get('factledger-projection') === 'pending' ? 'pending' : true
    })
  }
}
