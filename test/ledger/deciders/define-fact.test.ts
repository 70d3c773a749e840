import t from 'tap'
import { defineFact } from '../../../src/ledger/commands/fact-commands.js'
import { decider } from '../../helpers/decider-spec.js'
import { factInput } from '../ledger-fixture.js'
import { factDefined, factId } from './history.js'

const spec = decider(defineFact)
const { factId: _id, ...body } = factInput
const subset = { ...factInput, factId: 'us-sanctions-2024-11-security-leaders', subsetOf: factId }

t.test('a new fact is defined under the generated id, time-varying false by default', async (t) => {
  await spec.given([]).when(body, factId).then(t, factDefined)
})

t.test('a subset of an existing fact names its parent', async (t) => {
  await spec.given([factDefined]).when(subset).then(t, { type: 'FactDefined', data: { ...subset, timeVarying: false } })
})

t.test('a fact id already taken is refused', async (t) => {
  await spec.given([factDefined]).when(factInput).thenFails(t, 'AlreadyExists', 'factId')
})

t.test('a fact that is a subset of itself is refused', async (t) => {
  await spec.given([]).when({ ...factInput, subsetOf: factId }).thenFails(t, 'InvariantViolated', 'subsetOf')
})

t.test('a unit that does not fit the kind is refused naming unit', async (t) => {
  await spec.given([]).when({ ...factInput, kind: 'count', unit: 'USD' }).thenFails(t, 'ValidationFailed', 'unit')
})

t.test('a subset of an unknown fact is refused', async (t) => {
  await spec.given([]).when(subset).thenFails(t, 'NotFound', 'subsetOf')
})

t.test('a question too short to be one is refused naming it', async (t) => {
  await spec.given([]).when({ ...factInput, question: 'How' }).thenFails(t, 'ValidationFailed', 'question')
})
