import t from 'tap'
import { resolveDispute } from '../../../src/ledger/commands/claim-lifecycle.js'
import { decider } from '../../helpers/decider-spec.js'
import { claimId, recorded } from './history.js'

const disputed = { type: 'ClaimDisputed', data: { claimId, reason: 'two outlets disagree' } } as const
// The spec names given events given-<index>: the dispute is the fourth event, so its id is given-3.
const disputeId = 'given-3'

t.test('an open dispute is resolved with its outcome', async (t) => {
  await decider(resolveDispute)
    .given([...recorded, disputed])
    .when({ disputeId, outcome: 'upheld', reason: 'the Treasury list has 21' }, claimId)
    .then(t, { type: 'ClaimDisputeResolved', data: { claimId, disputeId, outcome: 'upheld', reason: 'the Treasury list has 21' } })
})

t.test('resolving on an unknown claim is refused', async (t) => {
  await decider(resolveDispute).given([]).when({ disputeId, outcome: 'upheld', reason: 'x' }, claimId).thenFails(t, 'NotFound', 'claimId')
})

t.test('resolving a dispute the claim does not have is refused', async (t) => {
  await decider(resolveDispute).given([...recorded, disputed]).when({ disputeId: 'nope', outcome: 'upheld', reason: 'x' }, claimId).thenFails(t, 'InvariantViolated', 'disputeId')
})

t.test('resolving a dispute already resolved is refused', async (t) => {
  const resolved = { type: 'ClaimDisputeResolved', data: { claimId, disputeId, outcome: 'dismissed', reason: 'checked' } } as const
  await decider(resolveDispute).given([...recorded, disputed, resolved]).when({ disputeId, outcome: 'upheld', reason: 'x' }, claimId).thenFails(t, 'InvariantViolated', 'disputeId')
})

t.test('an outcome other than upheld or dismissed is refused naming it', async (t) => {
  await decider(resolveDispute).given([...recorded, disputed]).when({ disputeId, outcome: 'maybe', reason: 'x' }, claimId).thenFails(t, 'ValidationFailed', 'outcome')
})
