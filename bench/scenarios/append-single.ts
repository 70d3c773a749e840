import { join } from 'node:path'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { createClaimEvents } from '../claim-events.js'
import type { BenchContext } from '../context.js'
import { interleaved } from '../measure.js'
import { openRawEventTable } from '../raw-sqlite.js'
import { type ScenarioResult, scenario } from '../results.js'

/**
 * One writer, one event per durable commit: `store.append` awaited one at a
 * time (nothing to group with), against raw better-sqlite3 doing one INSERT
 * per synchronous=FULL transaction. Both are bound by the WAL fsync; what is
 * left is the product's own work per event (validation, hash chain, checks).
 */
export async function appendSingle(ctx: BenchContext): Promise<ScenarioResult[]> {
  const store = await createSqliteEventStore({ path: join(ctx.workDir, 'append-single.db') })
  const raw = openRawEventTable(join(ctx.workDir, 'append-single-raw.db'))
  const next = createClaimEvents(1)
  const baselineAppend = () => {
    const { stream, event } = next()
    raw.appendOne(stream, event)
  }
  const productAppend = async () => {
    const { stream, event } = next()
    const result = await store.append(stream, [event], { expectedRevision: 'no_stream' })
    if (!result.ok) throw new Error(`append refused: ${result.error.code}`)
  }
  try {
    ctx.progress.status('appendSingle: one append of each side in turn')
    // Warm both (statement caches, JIT, the WAL files) before measuring.
    await interleaved(200, { baseline: baselineAppend, product: productAppend })
    const measured = await interleaved(2 * ctx.rounds * ctx.roundMs, { baseline: baselineAppend, product: productAppend })
    return [
      scenario({
        name: 'appendSingle',
        value: measured.product,
        unit: 'events/s',
        baseline: measured.baseline,
        note: 'store.append of 1 event per durable commit vs raw INSERT in its own synchronous=FULL transaction',
        target: { minRatio: 0.8, text: '>= 0.8' },
      }),
    ]
  } finally {
    raw.close()
    await store.close()
  }
}
