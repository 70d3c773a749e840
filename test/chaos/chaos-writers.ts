import { randomUUID } from 'node:crypto'

/** A write the server acknowledged (2xx with its body read), and what reading it back must show. */
export interface Ack {
  kind: 'source' | 'fact' | 'claim' | 'dispute'
  /** The source, fact or claim the write created or changed. */
  id: string
  eventId: string
  position: string
  /** What reading it back must show: a source's title, a fact's id, a claim's quote, a dispute's reason. */
  stored: string
  pending: boolean
}

/** What the writers saw in one round: every acknowledgement, every refusal, and how many requests died with the server. */
export interface RoundOutcome {
  acks: Ack[]
  refusals: Array<{ status: number; body: string }>
  cutOff: number
}

/** Ids acknowledged so far, across rounds: later writes cite them. */
export interface AckedIds {
  sources: string[]
  facts: string[]
  claims: string[]
}

export const EDITOR_KEY = 'chaos-editor-key-0000000001'
const headers = { authorization: `Bearer ${EDITOR_KEY}`, 'content-type': 'application/json' }
const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!

interface Write {
  kind: Ack['kind']
  id: string
  stored: string
  path: string
  body: unknown
}

/** The next write: a source or a fact while there is none to cite, then mostly claims, some disputes. */
function nextWrite(acked: AckedIds, random: () => number, label: string): Write {
  const roll = random()
  if (acked.sources.length === 0 || roll < 0.12) {
    const sourceId = randomUUID()
    const title = `Chaos wire ${label}`
    return { kind: 'source', id: sourceId, stored: title, path: '/sources', body: { sourceId, publisher: 'Chaos Wire', title, publishedAt: '2026-12-01', origin: `chaos-wire-${label}`, tier: 2 } }
  }
  if (acked.facts.length === 0 || roll < 0.24) {
    const factId = `chaos-${label}`
    return { kind: 'fact', id: factId, stored: factId, path: '/facts', body: { factId, question: `How many homes lost power (${label})?`, subject: `Storm ${label}`, unit: 'homes', kind: 'count' } }
  }
  if (acked.claims.length === 0 || roll < 0.85) {
    const claimId = randomUUID()
    const value = String(1 + Math.floor(random() * 5000))
    const quote = `the utility said ${value} homes were without power (${label})`
    const body = {
      claimId,
      factId: pick(acked.facts, random),
      sourceId: pick(acked.sources, random),
      citation: { quote },
      attributedTo: 'the utility',
      value,
      modality: 'official',
      validAt: '2026-12-01',
    }
    return { kind: 'claim', id: claimId, stored: quote, path: '/claims', body }
  }
  const claimId = pick(acked.claims, random)
  const reason = `recount ${label}`
  return { kind: 'dispute', id: claimId, stored: reason, path: `/claims/${claimId}/disputes`, body: { reason } }
}

/** POST one write; an acknowledgement only counts once its whole body arrived. */
export async function postWrite(url: string, write: Pick<Write, 'kind' | 'id' | 'stored' | 'path' | 'body'>): Promise<{ ack: Ack } | { status: number; body: string }> {
  const response = await fetch(`${url}${write.path}`, { method: 'POST', headers, body: JSON.stringify(write.body) })
  const text = await response.text()
  if (!response.ok) return { status: response.status, body: text }
  const body = JSON.parse(text) as { eventId: string; position: string }
  const pending = response.headers.get('factledger-projection') === 'pending'
  return { ack: { kind: write.kind, id: write.id, eventId: body.eventId, position: body.position, stored: write.stored, pending } }
}

/**
 * `workers` clients writing concurrently until stop() (or until the server
 * dies under them). `onAck` sees each acknowledgement as it arrives, so the
 * caller can pick its kill moment by count.
 */
export function startWriters(options: { url: string; workers: number; acked: AckedIds; random: () => number; round: number; onAck?: (count: number) => void }) {
  const outcome: RoundOutcome = { acks: [], refusals: [], cutOff: 0 }
  let stopped = false
  let n = 0
  const worker = async (w: number) => {
    while (!stopped) {
      const write = nextWrite(options.acked, options.random, `r${options.round}-w${w}-${n++}`)
      try {
        const result = await postWrite(options.url, write)
        if ('status' in result) {
          outcome.refusals.push(result)
          continue
        }
        outcome.acks.push(result.ack)
        if (write.kind === 'source') options.acked.sources.push(write.id)
        if (write.kind === 'fact') options.acked.facts.push(write.id)
        if (write.kind === 'claim') options.acked.claims.push(write.id)
        options.onAck?.(outcome.acks.length)
      } catch {
        // The server died with the request in flight: not acknowledged, so nothing is expected of it.
        outcome.cutOff++
        if (!stopped) await new Promise((r) => setTimeout(r, 20))
      }
    }
  }
  const running = Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)))
  return {
    outcome,
    async stop(): Promise<RoundOutcome> {
      stopped = true
      await running
      return outcome
    },
  }
}
