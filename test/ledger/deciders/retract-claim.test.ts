import t from 'tap'
import { retractClaim } from '../../../src/ledger/commands/claim-lifecycle.js'
import { decider } from '../../helpers/decider-spec.js'
import { claimId, claimRetracted, recorded } from './history.js'

const spec = decider(retractClaim)

t.test('a standing claim is retracted with the reason', async (t) => {
  await spec.given(recorded).when({ reason: 'the wire withdrew it' }, claimId).then(t, claimRetracted)
})

t.test('a retraction dated by the source’s published correction carries that date', async (t) => {
  await spec
    .given(recorded)
    .when({ reason: 'withdrawn in print', effectiveAt: '2024-11-30' }, claimId)
    .then(t, { type: 'ClaimRetracted', data: { claimId, reason: 'withdrawn in print', publishedCorrection: { effectiveAt: '2024-11-30' } } })
})

t.test('an unknown claim is refused', async (t) => {
  await spec.given([]).when({ reason: 'x' }, claimId).thenFails(t, 'NotFound', 'claimId')
})

t.test('a claim already retracted is refused', async (t) => {
  await spec.given([...recorded, claimRetracted]).when({ reason: 'again' }, claimId).thenFails(t, 'InvariantViolated', 'claimId')
})

t.test('a published correction dated before the source was published is refused', async (t) => {
  await spec.given(recorded).when({ reason: 'x', effectiveAt: '2024-01-01' }, claimId).thenFails(t, 'InvariantViolated', 'effectiveAt')
})

t.test('a blank reason is refused naming it', async (t) => {
  await spec.given(recorded).when({ reason: '  ' }, claimId).thenFails(t, 'ValidationFailed', 'reason')
})
