import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import type { Test } from 'tap'
import { caughtUp, type ServedLedger, serveChild } from '../http/bounded/serve-child.js'
import { seededRandom } from '../store/seeded-random.js'
import { missingFromLog, readModelAndRebuild, readyWhen, unreadableAcks } from './chaos-checks.js'
import { type Ack, type AckedIds, EDITOR_KEY, postWrite, startWriters } from './chaos-writers.js'
import type { ReadModelFault } from './read-model-fault.js'

export const SEED = Number(process.env.FACTLEDGER_CHAOS_SEED ?? 20261207)
export const ROUNDS = 5
/** The round whose read-model writes fail mid-batch until the server has been killed and restarted once more. */
const FAULT_ROUND = 2
export const POISONED_FACT = 'chaos-poisoned-fact'
const WORKERS = 6

export interface ChaosLedger {
  /** FACTLEDGER_DB for `serve --db` (on PostgreSQL only the signing key lives beside it). */
  db: string
  /** The rest of the server's environment: the store and where it is. */
  env: Record<string, string>
  fault: ReadModelFault
}

/**
 * Kill -9 a real `factledger serve` while clients write to it, ROUNDS times,
 * restarting it each time, with one round whose read-model writes fail in the
 * middle of a batch. Every acknowledged write must survive every crash, be
 * readable through the API, sit in the log where its acknowledgement said,
 * and the ledger must verify and its read model equal a rebuild.
 */
export async function killDuringWrites(t: Test, ledger: ChaosLedger): Promise<void> {
  const env = { ...ledger.env, FACTLEDGER_API_KEYS: `${EDITOR_KEY}:editor`, FACTLEDGER_RATE_LIMIT: '1000000', FACTLEDGER_FROM_SOURCE: '1' }
  const serve = async () => {
    const served = await serveChild(ledger.db, env)
    t.teardown(served.stop)
    return served
  }
  const random = seededRandom(SEED)
  const acked: AckedIds = { sources: [], facts: [], claims: [] }
  const acks: Ack[] = []
  let server = await serve()
  for (let round = 1; round <= ROUNDS; round++) {
    const killAfter = 5 + Math.floor(random() * 60)
    const exited = once(server.child, 'exit')
    const kill = () => server.stop()
    const writers = startWriters({ url: server.url, workers: WORKERS, acked, random, round, onAck: (n) => round !== FAULT_ROUND && n >= killAfter && kill() })
    let poisoned: Ack | null = null
    if (round === FAULT_ROUND) {
      const written = await failReadModelMidBatch(t, server, ledger.fault, acked)
      acks.push(...written)
      poisoned = written[1]
      // Writes stored behind the stuck event are acknowledged as pending: let some be, then kill.
      while (writers.outcome.acks.filter((a) => a.pending).length < 2) await new Promise((r) => setTimeout(r, 50))
      kill()
    }
    const [, signal] = await exited
    const outcome = await writers.stop()
    t.equal(signal, 'SIGKILL', `round ${round}: the server ran until killed`)
    t.strictSame(outcome.refusals, [], `round ${round}: no write was refused`)
    acks.push(...outcome.acks)
    t.comment(`round ${round}: ${outcome.acks.length} writes acknowledged (${outcome.acks.filter((a) => a.pending).length} not yet projected), ${outcome.cutOff} cut off by the kill`)

    server = await serve()
    if (poisoned) {
      const ready = await readyWhen(server.url, (r) => r.projection.failure?.event != null)
      t.equal(ready.projection.failure!.event!.id, poisoned.eventId, `round ${round}: after the restart the same event is reported stuck`)
      t.ok(BigInt(ready.projectedPosition) < BigInt(poisoned.position), `round ${round}: the checkpoint (${ready.projectedPosition}) is still before it (${poisoned.position})`)
      await ledger.fault.remove()
    }
    await caughtUp(server.url)
    t.strictSame(await unreadableAcks(server.url, acks), [], `round ${round}: all ${acks.length} acknowledged writes so far are readable after the restart`)
  }

  t.strictSame(await missingFromLog(server.url, acks), [], 'every acknowledged event is in the log at the position it was acknowledged with')
  const verified = (await (await fetch(`${server.url}/ledger/verify`)).json()) as { ok: boolean; events: number }
  const head = (await (await fetch(`${server.url}/ready`)).json()) as { headPosition: string }
  t.match(verified, { ok: true, events: Number(head.headPosition) }, 'the ledger verifies: every hash chain and the Merkle head')
  await stopServer(server)
  const { served, rebuilt } = await readModelAndRebuild({ ...ledger.env, FACTLEDGER_DB: ledger.db })
  t.ok(served.facts.length > 1 && served.sources.length > 0, `the read model holds the facts (${served.facts.length}) and sources written`)
  t.same(served, rebuilt, 'the read model the crashed servers left equals a rebuild from the log')
}

/**
 * The read model refuses the claims of one fact; a claim of that fact is
 * recorded among the writers' concurrent writes. The write is still stored
 * and acknowledged (as pending), and /ready names it as the stuck event.
 */
async function failReadModelMidBatch(t: Test, server: ServedLedger, fault: ReadModelFault, acked: AckedIds): Promise<[fact: Ack, claim: Ack]> {
  await fault.install()
  const factBody = { factId: POISONED_FACT, question: 'How many homes does the poisoned fact count?', subject: 'Chaos', unit: 'homes', kind: 'count' }
  const fact = await postWrite(server.url, { kind: 'fact', id: POISONED_FACT, stored: POISONED_FACT, path: '/facts', body: factBody })
  if (!('ack' in fact)) throw new Error(`defining the poisoned fact failed: ${JSON.stringify(fact)}`)
  const quote = 'the utility said 7 homes were without power (poisoned)'
  const claimId = randomUUID()
  const claimBody = { claimId, factId: POISONED_FACT, sourceId: acked.sources[0], citation: { quote }, attributedTo: 'the utility', value: '7', modality: 'official', validAt: '2026-12-01' }
  const claim = await postWrite(server.url, { kind: 'claim', id: claimId, stored: quote, path: '/claims', body: claimBody })
  if (!('ack' in claim)) throw new Error(`recording the poisoned claim failed: ${JSON.stringify(claim)}`)
  t.equal(claim.ack.pending, true, 'the claim the read model refuses is acknowledged as stored but pending')
  const ready = await readyWhen(server.url, (r) => r.projection.failure?.event != null)
  t.match(ready, { status: 'not-ready', projection: { state: 'retrying', failure: { event: { id: claim.ack.eventId, type: 'ClaimRecorded' }, error: /refused \(chaos\)/ } } }, '/ready names the stuck event and the error')
  return [fact.ack, claim.ack]
}

async function stopServer(server: ServedLedger): Promise<void> {
  if (server.child.exitCode !== null) return
  const exited = once(server.child, 'exit')
  server.stop()
  await exited
}
