import { pino } from 'pino'
import { loadConfig } from '../../src/config.js'
import { openRuntime } from '../../src/runtime.js'
import { snapshotReadModel } from '../runner/read-model-snapshot.js'
import type { Ack } from './chaos-writers.js'

/** Why an acknowledged write cannot be read back through the API, or null when it can. */
async function unreadable(url: string, ack: Ack): Promise<string | null> {
  const path = { source: `/sources/${ack.id}`, fact: `/facts/${ack.id}`, claim: `/claims/${ack.id}`, dispute: `/claims/${ack.id}` }[ack.kind]
  const response = await fetch(`${url}${path}`)
  if (response.status !== 200) return `${ack.kind} ${ack.id}: GET ${path} answered ${response.status}`
  const body = (await response.json()) as Record<string, unknown>
  const claim = body.claim as { citation: { quote: string }; disputes: Array<{ reason: string }> } | undefined
  const shows = {
    source: () => body.title === ack.stored,
    fact: () => body.factId === ack.stored,
    claim: () => claim?.citation.quote === ack.stored,
    dispute: () => claim?.disputes.some((d) => d.reason === ack.stored) === true,
  }[ack.kind]()
  return shows ? null : `${ack.kind} ${ack.id}: GET ${path} does not show "${ack.stored}"`
}

/** Every acknowledged write that the API does not show, with why (eight requests at a time). */
export async function unreadableAcks(url: string, acks: readonly Ack[]): Promise<string[]> {
  const problems: string[] = []
  let next = 0
  const reader = async () => {
    while (next < acks.length) {
      const problem = await unreadable(url, acks[next++]!)
      if (problem) problems.push(problem)
    }
  }
  await Promise.all(Array.from({ length: 8 }, reader))
  return problems
}

/** Acknowledged events missing from GET /events at the position their acknowledgement gave. */
export async function missingFromLog(url: string, acks: readonly Ack[]): Promise<Ack[]> {
  const idAt = new Map<string, string>()
  let from = '0'
  for (;;) {
    const page = (await (await fetch(`${url}/events?from=${from}&limit=200`)).json()) as { items: Array<{ id: string; position: string }>; next: string | null }
    for (const e of page.items) idAt.set(e.position, e.id)
    if (!page.next) break
    from = page.next
  }
  return acks.filter((a) => idAt.get(a.position) !== a.eventId)
}

export interface ReadyBody {
  status: string
  projectedPosition: string
  lag: string | null
  projection: { state: string; failure: { event: { id: string; position: string; type: string } | null; error: string } | null }
}

/** Poll /ready until `done` holds of its body (the runner reaches it on its own timers; tap's timeout bounds a hang). */
export async function readyWhen(url: string, done: (ready: ReadyBody) => boolean): Promise<ReadyBody> {
  for (;;) {
    const ready = (await (await fetch(`${url}/ready`)).json()) as ReadyBody
    if (done(ready)) return ready
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * With the server stopped: the read model as the server left it, and the same
 * read model rebuilt from the log (documents, views and view histories;
 * the per-position as-of views are left to test/runner, as a long log makes
 * them slow).
 */
export async function readModelAndRebuild(env: Record<string, string>) {
  const runtime = await openRuntime(loadConfig({ ...env, FACTLEDGER_API_KEYS: '' }), pino({ level: 'silent' }))
  try {
    const served = await snapshotReadModel(runtime, [], { asOfEveryPosition: false })
    await runtime.runner.rebuild()
    const rebuilt = await snapshotReadModel(runtime, [], { asOfEveryPosition: false })
    return { served, rebuilt }
  } finally {
    await runtime.close()
  }
}
