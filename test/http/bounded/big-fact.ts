import { pino } from 'pino'
import type { CommandContext } from '../../../src/ledger/context.js'
import { openSqliteBackend } from '../../../src/backend/open-sqlite-backend.js'
import { loadConfig } from '../../../src/config.js'
import { openRuntime } from '../../../src/runtime.js'

const editor: CommandContext = { actor: 'Big Fact Desk', role: 'editor' }
export const BIG_FACT = 'big-fact-casualties'
export const MOVED_TO = 'big-fact-elsewhere'
const FIGURES = ['about 180', 'more than 170', 'at least 175', 'between 170 and 190', '180', 'nearly 185']

/**
 * A ledger file holding one fact with `claims` claims from 50 sources, built
 * through the ledger's commands in-process (no HTTP): some corrected, some
 * disputed, one retracted and one reassigned away, so every kind of entry
 * shows up in its history, timeline and exports. The read model is left for
 * the server to build on start.
 */
export async function writeBigFact(path: string, claims: number): Promise<{ claimIds: string[]; sourceIds: string[] }> {
  const logger = pino({ level: 'silent' })
  const backend = await openSqliteBackend({ path, logger })
  const runtime = await openRuntime(loadConfig({ FACTLEDGER_DB: path, FACTLEDGER_DEMO: 'false' }), logger, backend)
  try {
    const { ledger } = runtime
    const sourceIds: string[] = []
    for (let i = 0; i < 50; i++) {
      const sourceId = `01933c8e-0000-7000-8000-${String(i).padStart(12, '0')}`
      const r = await ledger.registerSource(editor, { sourceId, publisher: `Outlet ${i}`, title: `Report ${i}`, publishedAt: `2024-10-${String((i % 28) + 1).padStart(2, '0')}`, origin: `outlet-${i}`, tier: (i % 3) + 1 })
      if (!r.ok) throw new Error(`source ${i}: ${JSON.stringify(r)}`)
      sourceIds.push(sourceId)
    }
    for (const factId of [BIG_FACT, MOVED_TO]) {
      const r = await ledger.defineFact(editor, { factId, question: `How many casualties (${factId})?`, subject: factId, unit: 'persons', kind: 'count', timeVarying: false })
      if (!r.ok) throw new Error(`fact ${factId}: ${JSON.stringify(r)}`)
    }
    const claimIds: string[] = []
    const record = async (i: number) => {
      const r = await ledger.recordClaim(editor, {
        factId: BIG_FACT, sourceId: sourceIds[i % 50]!, citation: { quote: `the report puts the toll at ${FIGURES[i % FIGURES.length]} (${i})` }, attributedTo: `Ministry ${i % 7}`,
        value: FIGURES[i % FIGURES.length]!, modality: 'reported', validAt: '2024-10-01',
      })
      if (!r.ok) throw new Error(`claim ${i}: ${JSON.stringify(r)}`)
      return r.entityId
    }
    // A hundred commands at a time: the store's group commit writes them with one fsync.
    for (let i = 0; i < claims; i += 100) claimIds.push(...(await Promise.all(Array.from({ length: Math.min(100, claims - i) }, (_, k) => record(i + k)))))
    for (let i = 0; i < claims; i += 500) await ledger.correctClaim(editor, claimIds[i]!, { reason: 'transcription error', changes: { value: '180' } })
    for (let i = 250; i < claims; i += 1000) await ledger.disputeClaim(editor, claimIds[i]!, { reason: 'figure doubted' })
    await ledger.retractClaim(editor, claimIds[1]!, { reason: 'withdrawn by the outlet' })
    await ledger.reassignClaim(editor, claimIds[2]!, { toFactId: MOVED_TO, reason: 'misfiled' })
    return { claimIds, sourceIds }
  } finally {
    await runtime.close()
  }
}
