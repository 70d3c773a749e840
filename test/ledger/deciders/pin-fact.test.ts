import t from 'tap'
import { pinFact } from '../../../src/ledger/commands/fact-commands.js'
import { decider } from '../../helpers/decider-spec.js'
import { claimId, claimRetracted, factDefined, factId, otherFactId, recorded } from './history.js'

const spec = decider(pinFact)
const pinned = { type: 'FactPinned', data: { factId, claimId, reason: 'the Treasury’s own list' } } as const

t.test('a standing claim of the fact is pinned', async (t) => {
  await spec.given(recorded).when({ claimId, reason: 'the Treasury’s own list' }, factId).then(t, pinned)
})

t.test('pinning on an unknown fact is refused', async (t) => {
  await spec.given([]).when({ claimId, reason: 'x' }, factId).thenFails(t, 'NotFound', 'factId')
})

t.test('pinning an unknown claim is refused', async (t) => {
  await spec.given([factDefined]).when({ claimId, reason: 'x' }, factId).thenFails(t, 'NotFound', 'claimId')
})

t.test('pinning a claim filed under another fact is refused', async (t) => {
  const other = { type: 'FactDefined', data: { ...(factDefined.data as object), factId: otherFactId } } as const
  await spec.given([...recorded, other]).when({ claimId, reason: 'x' }, otherFactId).thenFails(t, 'InvariantViolated', 'claimId')
})

t.test('pinning a retracted claim is refused', async (t) => {
  await spec.given([...recorded, claimRetracted]).when({ claimId, reason: 'x' }, factId).thenFails(t, 'InvariantViolated', 'claimId')
})

t.test('pinning the claim already pinned is refused', async (t) => {
  await spec.given([...recorded, pinned]).when({ claimId, reason: 'again' }, factId).thenFails(t, 'InvariantViolated', 'claimId')
})

t.test('a pin without a claim id is refused naming it', async (t) => {
  await spec.given(recorded).when({ reason: 'x' }, factId).thenFails(t, 'ValidationFailed', 'claimId')
})

