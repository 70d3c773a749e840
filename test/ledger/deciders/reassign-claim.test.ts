import t from 'tap'
import { reassignClaim } from '../../../src/ledger/commands/claim-lifecycle.js'
import { decider } from '../../helpers/decider-spec.js'
import { claimId, claimRetracted, factId, otherFactDefined, otherFactId, recorded } from './history.js'

const spec = decider(reassignClaim)

t.test('a claim is filed under another fact, naming the one it leaves', async (t) => {
  await spec
    .given([...recorded, otherFactDefined])
    .when({ toFactId: otherFactId, reason: 'it counts the September round' }, claimId)
    .then(t, { type: 'ClaimReassigned', data: { claimId, fromFactId: factId, toFactId: otherFactId, reason: 'it counts the September round' } })
})

t.test('an unknown claim is refused', async (t) => {
  await spec.given([otherFactDefined]).when({ toFactId: otherFactId, reason: 'x' }, claimId).thenFails(t, 'NotFound', 'claimId')
})

t.test('a retracted claim is not reassigned', async (t) => {
  await spec.given([...recorded, claimRetracted, otherFactDefined]).when({ toFactId: otherFactId, reason: 'x' }, claimId).thenFails(t, 'InvariantViolated', 'claimId')
})

t.test('the fact the claim is already filed under is refused', async (t) => {
  await spec.given(recorded).when({ toFactId: factId, reason: 'x' }, claimId).thenFails(t, 'InvariantViolated', 'toFactId')
})

t.test('an unknown target fact is refused', async (t) => {
  await spec.given(recorded).when({ toFactId: otherFactId, reason: 'x' }, claimId).thenFails(t, 'NotFound', 'toFactId')
})
