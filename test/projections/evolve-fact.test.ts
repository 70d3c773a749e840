import t from 'tap'
import { decodeRecorded } from '../../events/decode.js'
import { evolveFact } from '../../projections/evolve-fact.js'
import { createTestLedger, id, recordedEvent } from './ledger-builder.js'

const factId = 'us-sanctions-2024-11-round-count'
const defined = { factId, question: 'How many allies were sanctioned on 2024-11-27?', subject: 'sanctions', unit: 'persons', kind: 'count' as const }

t.test('FactDefined creates the fact unpinned; timeVarying defaults to false', async (t) => {
  const ledger = createTestLedger()
  ledger.append('FactDefined', { ...defined, subsetOf: 'us-sanctions-all' })
  const doc = ledger.facts.get(factId)!
  t.match(doc, { factId, question: defined.question, unit: 'persons', kind: 'count', timeVarying: false, subsetOf: 'us-sanctions-all', pin: null, pinHistory: [], lastPosition: '1' })
  t.equal(doc.defined.type, 'FactDefined')
})

t.test('FactPinned sets the pin; FactUnpinned clears it; the history keeps both with the unpinned claim named', async (t) => {
  const ledger = createTestLedger()
  ledger.append('FactDefined', defined)
  ledger.append('FactPinned', { factId, claimId: id('c', 1), reason: 'official release' })
  const pin = ledger.facts.get(factId)!.pin!
  t.same([pin.claimId, pin.reason, pin.stamp.position], [id('c', 1), 'official release', '2'])
  ledger.append('FactPinned', { factId, claimId: id('c', 2), reason: 'better source' })
  ledger.append('FactUnpinned', { factId, reason: 'no longer needed' })
  const doc = ledger.facts.get(factId)!
  t.equal(doc.pin, null)
  t.same(
    doc.pinHistory.map((h) => [h.action, h.claimId, h.reason, h.stamp.position]),
    [
      ['pinned', id('c', 1), 'official release', '2'],
      ['pinned', id('c', 2), 'better source', '3'],
      ['unpinned', id('c', 2), 'no longer needed', '4'],
    ],
  )
  t.equal(doc.lastPosition, '4')
})

t.test('bad sequences are bugs and throw', async (t) => {
  const ledger = createTestLedger()
  t.throws(() => ledger.append('FactPinned', { factId, claimId: id('c', 1), reason: 'x' }), /fact reducer: fact .* was never defined/)
  ledger.append('FactDefined', defined)
  t.throws(() => ledger.append('FactDefined', defined), /already defined/)
  t.throws(() => ledger.append('FactUnpinned', { factId, reason: 'x' }), /has no pin to remove/)
})

t.test('an event of another entity or another fact is refused', async (t) => {
  const ledger = createTestLedger()
  ledger.append('FactDefined', defined)
  const doc = ledger.facts.get(factId)!
  const claimEvent = decodeRecorded(recordedEvent('ClaimDisputed', { claimId: id('c', 1), reason: 'x' }, { stream: `fact-${factId}`, position: 5n, revision: 1n }))
  t.throws(() => evolveFact(doc, claimEvent), /fact reducer: not a fact event: ClaimDisputed/)
  const other = decodeRecorded(recordedEvent('FactUnpinned', { factId: 'another-fact', reason: 'x' }, { stream: `fact-${factId}`, position: 6n, revision: 1n }))
  t.throws(() => evolveFact(doc, other), /names fact another-fact, the stream holds us-sanctions-2024-11-round-count/)
})
