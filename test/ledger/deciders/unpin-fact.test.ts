import t from 'tap'
import { unpinFact } from '../../../src/ledger/commands/fact-commands.js'
import { decider } from '../../helpers/decider-spec.js'
import { claimId, factDefined, factId, recorded } from './history.js'

const spec = decider(unpinFact)
const pinned = { type: 'FactPinned', data: { factId, claimId, reason: 'the Treasury’s own list' } } as const

t.test('a pinned fact is unpinned with the reason', async (t) => {
  await spec.given([...recorded, pinned]).when({ reason: 'a later count supersedes it' }, factId).then(t, { type: 'FactUnpinned', data: { factId, reason: 'a later count supersedes it' } })
})

t.test('unpinning an unknown fact is refused', async (t) => {
  await spec.given([]).when({ reason: 'x' }, factId).thenFails(t, 'NotFound', 'factId')
})

t.test('unpinning a fact without a pin is refused', async (t) => {
  await spec.given([factDefined]).when({ reason: 'x' }, factId).thenFails(t, 'InvariantViolated', 'factId')
})

t.test('an unpin without a reason is refused naming it', async (t) => {
  await spec.given([...recorded, pinned]).when({}, factId).thenFails(t, 'ValidationFailed', 'reason')
})
