import { join } from 'node:path'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import type { EventStore } from '../../src/store/port.js'
import { createClaimEvents } from '../claim-events.js'
import type { BenchContext } from '../context.js'
import { alternate, throughputFor } from '../measure.js'
import { openRawEventTable } from '../raw-sqlite.js'
import { type ScenarioResult, scenario } from '../results.js'

export const CALLERS = 64
export const RAW_BATCH = 1_000

/**
 * `callers` concurrent writers, each appending one event to its own new stream
 * and awaiting its durability before the next, for `ms`; events per second.
 * What the store's group commit is for: the callers share fsyncs.
 */
export async function concurrentAppends(store: EventStore, next: () => { stream: string; event: import('../../events/envelope.js').NewEvent }, ms: number, callers = CALLERS): Promise<number> {
  const started = performance.now()
  const deadline = started + ms
  let done = 0
  const caller = async () => {
    while (performance.now() < deadline) {
      const { stream, event } = next()
      const result = await store.append(stream, [event], { expectedRevision: 'no_stream' })
      if (!result.ok) throw new Error(`append refused: ${result.error.code}`)
      done += 1
    }
  }
  await Promise.all(Array.from({ length: callers }, caller))
  return done / ((performance.now() - started) / 1000)
}

/**
 * 64 concurrent callers through the store port (group commit) against raw
 * better-sqlite3 inserting 1,000 events per transaction — the most a single
 * SQLite writer can do when it need not answer each caller separately.
 */
export async function appendConcurrent(ctx: BenchContext): Promise<ScenarioResult[]> {
  const store = await createSqliteEventStore({ path: join(ctx.workDir, 'append-concurrent.db') })
  const raw = openRawEventTable(join(ctx.workDir, 'append-concurrent-raw.db'))
  const next = createClaimEvents(2)
  const before = store.stats()
  try {
    const measured = await alternate(
      ctx.rounds,
      {
        baseline: {
          round: () =>
            throughputFor(ctx.roundMs, () => {
              raw.appendMany(Array.from({ length: RAW_BATCH }, () => ({ ...next(), revision: 0 })))
              return RAW_BATCH
            }),
        },
        product: { round: () => concurrentAppends(store, next, ctx.roundMs) },
        // What 64 callers who each wait for their own commit allow at most: 64 events per fsync.
        rawPerCallers: {
          round: () =>
            throughputFor(ctx.roundMs, () => {
              raw.appendMany(Array.from({ length: CALLERS }, () => ({ ...next(), revision: 0 })))
              return CALLERS
            }),
        },
      },
      (i, which, value) => ctx.progress.status(`appendConcurrent round ${i + 1}/${ctx.rounds} ${which}: ${Math.round(value)} events/s`),
    )
    const after = store.stats()
    const perCommit = (after.appends - before.appends) / Math.max(1, after.transactions - before.transactions)
    return [
      scenario({
        name: 'appendConcurrent',
        value: measured.product,
        unit: 'events/s',
        baseline: measured.baseline,
        note: `${CALLERS} concurrent store.append callers (group commit: ${perCommit.toFixed(1)} appends per transaction) vs raw INSERTs, ${RAW_BATCH} per transaction`,
        target: { minRatio: 0.5, text: '>= 0.5' },
      }),
      scenario({
        name: 'appendConcurrent vs raw 64/commit',
        value: measured.product,
        unit: 'events/s',
        baseline: measured.rawPerCallers,
        note: `the same product rounds against raw INSERTs of ${CALLERS} events per transaction: the most ${CALLERS} callers who each await their own durable commit can get from one SQLite writer`,
      }),
    ]
  } finally {
    raw.close()
    await store.close()
  }
}
