/**
 * Child process for sqlite-crash.test.ts: appends through group commit from
 * many concurrent loops until it is killed, and prints one line per
 * acknowledged append (after the promise resolved, i.e. after COMMIT):
 *
 *   {"stream":"own-3","events":[{"id":"...","revision":"4","position":"87"}, ...]}
 *
 * stdout to a pipe is written synchronously on Linux, so a printed line is
 * never ahead of, and never lost behind, the acknowledgement it reports.
 * Each event's data names its append ({ batch, index, size }) so the parent
 * can check that every append is all there or not there at all.
 *
 * usage: node --import tsx test/store/crash-writer.ts <db path> <round> <seed>
 */
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import type { ExpectedRevision } from '../../src/store/port.js'
import { collect, newEvent } from './conformance/fixtures.js'
import { seededRandom } from './seeded-random.js'

const [path, round, seed] = process.argv.slice(2)
if (!path || !round || !seed) throw new Error('usage: crash-writer.ts <db path> <round> <seed>')
const random = seededRandom(Number(seed))
const store = await createSqliteEventStore({ path })
const WORKERS = 12

async function worker(w: number): Promise<never> {
  const own = `own-${w}`
  const [last] = await collect(store.readStream(own, { direction: 'backwards', maxCount: 1 }))
  let revision: ExpectedRevision = last ? last.revision : 'no_stream'
  for (let n = 0; ; n++) {
    const batch = `r${round}-w${w}-n${n}`
    const size = 1 + Math.floor(random() * 4)
    const events = Array.from({ length: size }, (_, index) => newEvent({ data: { batch, index, size } }))
    // Every fourth append goes to a stream every loop shares, without a revision check.
    const shared = n % 4 === 3
    const stream = shared ? 'shared' : own
    const result = await store.append(stream, events, { expectedRevision: shared ? 'any' : revision })
    if (!result.ok) {
      process.stderr.write(`refused: ${JSON.stringify(result.error, (_k, v) => (typeof v === 'bigint' ? `${v}` : v))}\n`)
      process.exit(2)
    }
    if (!shared) revision = result.nextExpectedRevision
    const acked = result.events.map(e => ({ id: e.id, revision: `${e.revision}`, position: `${e.position}` }))
    process.stdout.write(`${JSON.stringify({ stream, events: acked })}\n`)
  }
}

process.stdout.write('ready\n')
await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)))
