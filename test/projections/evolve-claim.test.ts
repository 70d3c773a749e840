import t from 'tap'
import { decodeRecorded } from '../../events/decode.js'
import { evolveClaim } from '../../projections/evolve-claim.js'
import { createTestLedger, id, q, recordedEvent } from './ledger-builder.js'

const claimId = id('c', 1)
const recorded = {
  claimId,
  factId: 'us-sanctions-2024-09-round-count',
  sourceId: id('s', 1),
  citation: { quote: 'close to announcing 15 individual sanctions', verified: false },
  attributedTo: 'U.S. Treasury',
  via: ['documents seen by Bloomberg'],
  value: q('15'),
  modality: 'planned' as const,
  validAt: '2024-09-03',
}

function ledgerWithClaim() {
  const ledger = createTestLedger()
  ledger.append('ClaimRecorded', recorded)
  return ledger
}

t.test('ClaimRecorded creates the claim with a one-entry lifecycle', async (t) => {
  const doc = ledgerWithClaim().claims.get(claimId)!
  t.match(doc, { ...recorded, retracted: null, disputes: [], reassignedFrom: [], lastPosition: '1' })
  t.same(doc.lifecycle.map((e) => [e.action, e.stamp.position]), [['recorded', '1']])
})

t.test('a version-1 ClaimRecorded (via as a string) is folded in its current shape', async (t) => {
  const { via: _via, ...v1 } = recorded
  const event = decodeRecorded(recordedEvent('ClaimRecorded', { ...v1, via: 'documents seen by Bloomberg' }, { stream: `claim-${claimId}`, position: 1n, revision: 0n, schemaVersion: 1 }))
  t.same(evolveClaim(null, event).via, ['documents seen by Bloomberg'])
})

t.test('ClaimCorrected applies the changes and keeps the fields before and after in the lifecycle', async (t) => {
  const ledger = ledgerWithClaim()
  ledger.append('ClaimCorrected', { claimId, reason: 'misread the figure', changes: { value: q('16'), modality: 'reported' } })
  const doc = ledger.claims.get(claimId)!
  t.equal(doc.value.text, '16')
  t.equal(doc.modality, 'reported')
  t.equal(doc.attributedTo, 'U.S. Treasury', 'fields not named in the correction stay')
  const entry = doc.lifecycle[1]!
  t.equal(entry.action, 'corrected')
  t.equal(entry.reason, 'misread the figure')
  t.same(entry.before, { modality: 'planned', value: recorded.value })
  t.same(entry.after, { modality: 'reported', value: q('16') })
  t.equal(doc.lastPosition, '2')
})

t.test('ClaimRetracted marks the claim retracted with its reason and stamp', async (t) => {
  const ledger = ledgerWithClaim()
  ledger.append('ClaimRetracted', { claimId, reason: 'the outlet withdrew the figure' })
  const doc = ledger.claims.get(claimId)!
  t.equal(doc.retracted?.reason, 'the outlet withdrew the figure')
  t.equal(doc.retracted?.stamp.position, '2')
  t.same(doc.lifecycle.map((e) => e.action), ['recorded', 'retracted'])
})

t.test('ClaimDisputed adds a dispute and changes no figure', async (t) => {
  const ledger = ledgerWithClaim()
  ledger.append('ClaimDisputed', { claimId, reason: 'the documents may be a draft' })
  ledger.append('ClaimDisputed', { claimId, reason: 'second opinion' })
  const doc = ledger.claims.get(claimId)!
  t.same(doc.disputes.map((d) => d.reason), ['the documents may be a draft', 'second opinion'])
  t.same(doc.value, recorded.value)
  t.equal(doc.retracted, null)
  t.same(doc.lifecycle.map((e) => e.action), ['recorded', 'disputed', 'disputed'])
})

t.test('ClaimReassigned moves the claim and remembers every fact it was filed under', async (t) => {
  const ledger = ledgerWithClaim()
  ledger.append('ClaimReassigned', { claimId, fromFactId: recorded.factId, toFactId: 'security-leaders', reason: 'the 15 are a subset of the November round' })
  ledger.append('ClaimReassigned', { claimId, fromFactId: 'security-leaders', toFactId: 'other-fact', reason: 'second move' })
  const doc = ledger.claims.get(claimId)!
  t.equal(doc.factId, 'other-fact')
  t.same(doc.reassignedFrom, [recorded.factId, 'security-leaders'])
  t.same(doc.lifecycle[1]!.before, { factId: recorded.factId })
  t.same(doc.lifecycle[1]!.after, { factId: 'security-leaders' })
  t.equal(doc.lifecycle[1]!.reason, 'the 15 are a subset of the November round')
})

t.test('bad sequences are bugs and throw', async (t) => {
  const ledger = createTestLedger()
  t.throws(() => ledger.append('ClaimRetracted', { claimId, reason: 'x' }), /claim reducer: claim .* was never recorded/)
  ledger.append('ClaimRecorded', recorded)
  t.throws(() => ledger.append('ClaimRecorded', recorded), /already recorded/)
  t.throws(() => ledger.append('ClaimReassigned', { claimId, fromFactId: 'not-its-fact', toFactId: 'x-fact', reason: 'x' }), /is filed under us-sanctions-2024-09-round-count, not not-its-fact/)
  ledger.append('ClaimRetracted', { claimId, reason: 'gone' })
  t.throws(() => ledger.append('ClaimRetracted', { claimId, reason: 'again' }), /already retracted/)
})

t.test('an event of another entity or another claim is refused', async (t) => {
  const doc = ledgerWithClaim().claims.get(claimId)!
  const sourceEvent = decodeRecorded(recordedEvent('SourceRetracted', { sourceId: id('s', 1), retractedAt: '2024-12-01', reason: 'x' }, { stream: `claim-${claimId}`, position: 7n, revision: 1n }))
  t.throws(() => evolveClaim(doc, sourceEvent), /claim reducer: not a claim event: SourceRetracted/)
  const other = decodeRecorded(recordedEvent('ClaimDisputed', { claimId: id('c', 2), reason: 'x' }, { stream: `claim-${claimId}`, position: 8n, revision: 1n }))
  t.throws(() => evolveClaim(doc, other), /names claim .*c0002, the stream holds .*c0001/)
})

t.test('the reducer never mutates the document it is given', async (t) => {
  const ledger = ledgerWithClaim()
  const before = structuredClone(ledger.claims.get(claimId)!)
  const frozen = ledger.claims.get(claimId)!
  ledger.append('ClaimCorrected', { claimId, reason: 'fix', changes: { attributedTo: 'State Department' } })
  t.same(frozen, before)
})
