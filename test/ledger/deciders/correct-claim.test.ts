import t from 'tap'
import { correctClaim } from '../../../src/ledger/commands/correct-claim.js'
import { decider } from '../../helpers/decider-spec.js'
import { claimId, claimRetracted, quantity, recorded, sourceId } from './history.js'

const spec = decider(correctClaim)
const revised = { type: 'SourceRevised', data: { sourceId, revisedAt: '2024-11-29', note: 'corrected the count' } } as const

t.test('a correction records only the fields that change, with the value parsed', async (t) => {
  await spec
    .given(recorded)
    .when({ reason: 'it said more than 20', changes: { value: 'more than 20', citation: { quote: 'More than 20 of them' } } }, claimId)
    .then(t, {
      type: 'ClaimCorrected',
      data: {
        claimId,
        reason: 'it said more than 20',
        changes: { value: quantity('more than 20'), citation: { quote: 'More than 20 of them', start: 101, end: 121, verified: true, snapshotVersion: 0 } },
      },
    })
})

t.test('a correction that follows the source’s own revision carries its date', async (t) => {
  await spec
    .given([...recorded, revised])
    .when({ reason: 'the wire corrected itself', changes: { modality: 'reported' }, sourceRevision: 1 }, claimId)
    .then(t, { type: 'ClaimCorrected', data: { claimId, reason: 'the wire corrected itself', changes: { modality: 'reported' }, publishedCorrection: { sourceRevision: 1, effectiveAt: '2024-11-29' } } })
})

t.test('an unknown claim is refused', async (t) => {
  await spec.given([]).when({ reason: 'x', changes: { modality: 'reported' } }, claimId).thenFails(t, 'NotFound', 'claimId')
})

t.test('a retracted claim is not corrected', async (t) => {
  await spec.given([...recorded, claimRetracted]).when({ reason: 'x', changes: { modality: 'reported' } }, claimId).thenFails(t, 'InvariantViolated', 'claimId')
})

t.test('a correction that changes nothing is refused', async (t) => {
  await spec.given(recorded).when({ reason: 'x', changes: { modality: 'official' } }, claimId).thenFails(t, 'InvariantViolated', 'changes')
})

t.test('an empty change set is refused by the shared "changes something" rule', async (t) => {
  await spec.given(recorded).when({ reason: 'x', changes: {} }, claimId).thenFails(t, 'ValidationFailed', 'changes')
})

t.test('a new value the quote does not print is refused', async (t) => {
  await spec.given(recorded).when({ reason: 'x', changes: { value: '22' } }, claimId).thenFails(t, 'InvariantViolated', 'changes.value')
})

t.test('a new quote the snapshot does not print is refused', async (t) => {
  await spec.given(recorded).when({ reason: 'x', changes: { citation: { quote: 'not in the text' } } }, claimId).thenFails(t, 'InvariantViolated', 'changes.citation.quote')
})

t.test('a published correction naming a revision the source does not have is refused', async (t) => {
  await spec.given(recorded).when({ reason: 'x', changes: { modality: 'reported' }, sourceRevision: 1 }, claimId).thenFails(t, 'InvariantViolated', 'sourceRevision')
})

t.test('sourceRevision and effectiveAt together are refused', async (t) => {
  await spec.given(recorded).when({ reason: 'x', changes: { modality: 'reported' }, sourceRevision: 1, effectiveAt: '2024-12-01' }, claimId).thenFails(t, 'ValidationFailed', 'effectiveAt')
})
