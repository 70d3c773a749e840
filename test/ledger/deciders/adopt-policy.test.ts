import t from 'tap'
import { adoptPolicy } from '../../../src/ledger/commands/adopt-policy.js'
import { decider } from '../../helpers/decider-spec.js'

const spec = decider(adoptPolicy)

t.test('the first adoption is version 3 (version 2 is the built-in default)', async (t) => {
  await spec.given([]).when({ aboutTolerance: 0.1, note: 'wider about' }).then(t, { type: 'PolicyAdopted', data: { policyVersion: 3, aboutTolerance: 0.1, note: 'wider about' } })
})

t.test('each adoption takes the next version', async (t) => {
  const adopted = { type: 'PolicyAdopted', data: { policyVersion: 3, aboutTolerance: 0.1, note: 'wider about' } } as const
  await spec.given([adopted]).when({ aboutTolerance: 0.05, note: 'back' }).then(t, { type: 'PolicyAdopted', data: { policyVersion: 4, aboutTolerance: 0.05, note: 'back' } })
})

t.test('a tolerance above 0.5 is refused naming it', async (t) => {
  await spec.given([]).when({ aboutTolerance: 0.9, note: 'x' }).thenFails(t, 'ValidationFailed', 'aboutTolerance')
})
