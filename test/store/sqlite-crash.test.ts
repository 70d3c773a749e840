import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { RecordedEvent } from '../../events/envelope.js'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { chainProblem, collect, positionProblem } from './conformance/fixtures.js'
import { seededRandom } from './seeded-random.js'
import { tsxChildEnv } from '../helpers/tsx-child.js'

/**
 * Kill a group-committing writer with SIGKILL at arbitrary moments, several
 * times over one file, and check after each reopen that every acknowledged
 * append is there, numbering is contiguous, hash chains verify, and no append
 * is partly there. The kill moment is "after N acknowledgements have been
 * read", with N from a seeded PRNG; where exactly the child is then is
 * random, but every assertion holds wherever it is.
 */
const SEED = Number(process.env.FACTLEDGER_CRASH_SEED ?? 20241127)
const ROUNDS = 6
const writerScript = fileURLToPath(new URL('./crash-writer.ts', import.meta.url))

interface Ack {
  stream: string
  events: { id: string; revision: string; position: string }[]
}

/** Run the writer until `acksBeforeKill` acknowledgements have arrived, then SIGKILL it. */
function runUntilKilled(path: string, round: number, acksBeforeKill: number): Promise<{ acks: Ack[]; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', writerScript, path, String(round), String(SEED + round)], {
      env: tsxChildEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acks: Ack[] = []
    let buffered = ''
    let stderr = ''
    let ready = false
    child.stderr!.on('data', chunk => (stderr += chunk))
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop()! // an incomplete last line is not an acknowledgement yet
      for (const line of lines) {
        if (line === 'ready') ready = true
        else acks.push(JSON.parse(line) as Ack)
      }
      if (ready && acks.length >= acksBeforeKill && child.exitCode === null) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('close', (_code, signal) => resolve({ acks, signal, stderr }))
  })
}

t.test(`SIGKILL during group commit never loses an acknowledged append nor leaves half of one (seed ${SEED})`, async t => {
  const path = join(t.testdir(), 'ledger.db')
  const random = seededRandom(SEED)
  const acked: Ack[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    // Round 1 is killed as soon as the writer is ready; the others after 1 to 400 acknowledgements.
    const acksBeforeKill = round === 1 ? 0 : 1 + Math.floor(random() * 400)
    const run = await runUntilKilled(path, round, acksBeforeKill)
    t.equal(run.signal, 'SIGKILL', `round ${round}: the writer ran until killed ${run.stderr}`)
    acked.push(...run.acks)

    const store = await createSqliteEventStore({ path })
    const all = await collect(store.readAll())
    const byPosition = new Map(all.map(e => [e.position, e]))
    const missing = acked.flatMap(ack =>
      ack.events.filter(a => {
        const e = byPosition.get(BigInt(a.position))
        return !e || e.id !== a.id || e.stream !== ack.stream || e.revision !== BigInt(a.revision)
      }),
    )
    t.strictSame(missing, [], `round ${round}: all ${acked.length} acknowledged appends are stored where they were acknowledged`)
    t.equal(positionProblem(all, true), null, `round ${round}: positions 1..${all.length} without a gap`)
    t.equal(await store.headPosition(), BigInt(all.length))
    const streams = groupBy(all, e => e.stream)
    const chains = [...streams.values()].map(chainProblem).filter(p => p !== null)
    t.strictSame(chains, [], `round ${round}: every stream's revisions are contiguous and its chain verifies`)
    t.strictSame(partialAppends(all), [], `round ${round}: every append is whole`)
    await store.close()
  }
  t.ok(acked.length > ROUNDS, 'the writers got work acknowledged')
})

/** Appends (by the batch tag in their data) that are not complete, in order and contiguous. */
function partialAppends(all: RecordedEvent[]): string[] {
  const batches = groupBy(all, e => (e.data as { batch: string }).batch)
  const problems: string[] = []
  for (const [batch, events] of batches) {
    const { size } = events[0]!.data as { size: number }
    const whole =
      events.length === size &&
      events.every(
        (e, i) =>
          (e.data as { index: number }).index === i &&
          e.stream === events[0]!.stream &&
          e.revision === events[0]!.revision + BigInt(i) &&
          e.position === events[0]!.position + BigInt(i),
      )
    if (!whole) problems.push(`${batch}: ${events.length} of ${size} events`)
  }
  return problems
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
