import type { CommandContext } from '../../src/ledger/context.js'
import { createLedger } from '../../src/ledger/create-ledger.js'
import { createMemoryEventStore } from '../helpers/memory-store.js'

export const editor: CommandContext = { actor: 'alice', role: 'editor' }
export const SNAPSHOT = 'The U.S. Treasury Department sanctioned 21 security and Cabinet-level officials aligned with Maduro. More than 20 of them were named in the order.'

export const sourceInput = {
  sourceId: '01933c8e-0000-7000-8000-000000000001',
  publisher: 'Example Wire',
  title: 'Treasury sanctions 21 officials',
  publishedAt: '2024-11-27',
  origin: 'example-wire',
  tier: 2,
  snapshotText: SNAPSHOT,
}

export const factInput = {
  factId: 'us-sanctions-2024-11-round-count',
  question: 'How many Maduro allies did the US Treasury sanction on 2024-11-27?',
  subject: 'US sanctions on Maduro allies',
  unit: 'persons',
  kind: 'count',
}

export const claimInput = {
  claimId: '01933c8e-0000-7000-8000-00000000c001',
  factId: factInput.factId,
  sourceId: sourceInput.sourceId,
  citation: { quote: 'sanctioned 21 security and Cabinet-level officials' },
  attributedTo: 'U.S. Treasury',
  value: '21',
  modality: 'official',
  validAt: '2024-11-27',
}

/** A ledger on an in-memory store with one source, one fact and one claim. */
export async function seededLedger() {
  const store = createMemoryEventStore()
  const ledger = createLedger({ store, now: () => new Date('2026-01-01T00:00:00Z') })
  for (const r of [await ledger.registerSource(editor, sourceInput), await ledger.defineFact(editor, factInput), await ledger.recordClaim(editor, claimInput)]) {
    if (!r.ok) throw new Error(r.error.message)
  }
  return { store, ledger }
}
