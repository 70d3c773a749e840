import type { FactRecord } from '../../../src/http/fact-record.js'
import { addClaim, addFact, addSource, createTestLedger, id, q } from '../../projections/ledger-builder.js'

/**
 * Test-only: a fact record built with the real reducers and policy: three
 * outlets report the late-November round; Bloomberg's "more than 20" was
 * mis-transcribed and corrected to "21" (attributed to the State Department);
 * AP's claim was retracted.
 */
export function sanctionsRecord(): FactRecord & { view: NonNullable<FactRecord['view']> } {
  const ledger = createTestLedger()
  addSource(ledger, 1, { publisher: 'Reuters', publishedAt: '2024-11-28' })
  addSource(ledger, 2, { publisher: 'AP', publishedAt: '2024-11-27' })
  addSource(ledger, 3, { publisher: 'Bloomberg', publishedAt: '2024-11-29' })
  const factId = addFact(ledger, 'late-november-round')
  addClaim(ledger, 1, { factId, source: 1, value: '21' })
  addClaim(ledger, 2, { factId, source: 2, value: '21' })
  addClaim(ledger, 3, { factId, source: 3, value: 'more than 20' })
  ledger.append('ClaimCorrected', { claimId: id('c', 3), reason: 'the article says 21', changes: { value: q('21'), attributedTo: 'State Department' } })
  ledger.append('ClaimRetracted', { claimId: id('c', 2), reason: 'AP withdrew the report' })
  const view = ledger.view(factId)
  return {
    fact: ledger.facts.get(factId)!,
    view,
    claims: ledger.claimsOf(factId),
    sources: [...ledger.sources.values()],
  }
}

export const claimIds = { reuters: id('c', 1), ap: id('c', 2), bloomberg: id('c', 3) }
export const sourceIds = { reuters: id('s', 1), ap: id('s', 2), bloomberg: id('s', 3) }
