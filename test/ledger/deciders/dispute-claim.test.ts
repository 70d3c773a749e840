import t from 'tap'
import { disputeClaim } from '../../../src/ledger/commands/claim-lifecycle.js'
import { decider } from '../../helpers/decider-spec.js'
import { claimId, claimRetracted, recorded } from './history.js'

const disputed = { type: 'ClaimDisputed', data: { claimId, reason: 'two outlets disagree' } } as const

t.test('a standing claim is disputed with the reason', async (t) => {
  await decider(disputeClaim).given(recorded).when({ reason: 'two outlets disagree' }, claimId).then(t, disputed)
})

t.test('disputing an unknown claim is refused', async (t) => {
  await decider(disputeClaim).given([]).when({ reason: 'x' }, claimId).thenFails(t, 'NotFound', 'claimId')
})

t.test('disputing a retracted claim is refused', async (t) => {
  await decider(disputeClaim).given([...recorded, claimRetracted]).when({ reason: 'x' }, claimId).thenFails(t, 'InvariantViolated', 'claimId')
})
