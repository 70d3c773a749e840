import t from 'tap'
import { recordClaim } from '../../../src/ledger/commands/record-claim.js'
import { decider } from '../../helpers/decider-spec.js'
import { claimInput } from '../ledger-fixture.js'
import { claimRecorded, factDefined, recorded, sourceRegistered, sourceRetracted } from './history.js'

const spec = decider(recordClaim)
const { claimId: _id, ...body } = claimInput

t.test('a claim whose quote is in the source snapshot is recorded with its verified offsets and parsed value', async (t) => {
  await spec.given([sourceRegistered, factDefined]).when(body, claimInput.claimId).then(t, claimRecorded)
})

t.test('the claim id given in the body wins over the generated one', async (t) => {
  await spec.given([sourceRegistered, factDefined]).when(claimInput, 'generated-elsewhere').then(t, claimRecorded)
})

t.test('a claim id already taken is refused', async (t) => {
  await spec.given(recorded).when(claimInput).thenFails(t, 'AlreadyExists', 'claimId')
})

t.test('a claim about an unknown fact is refused', async (t) => {
  await spec.given([sourceRegistered]).when(claimInput).thenFails(t, 'NotFound', 'factId')
})

t.test('a claim from an unknown source is refused', async (t) => {
  await spec.given([factDefined]).when(claimInput).thenFails(t, 'NotFound', 'sourceId')
})

t.test('a claim from a retracted source is refused', async (t) => {
  await spec.given([sourceRegistered, sourceRetracted, factDefined]).when(claimInput).thenFails(t, 'InvariantViolated', 'sourceId')
})

t.test('a quote the snapshot does not print is refused', async (t) => {
  await spec.given([sourceRegistered, factDefined]).when({ ...claimInput, citation: { quote: 'sanctioned 99 officials' } }).thenFails(t, 'InvariantViolated', 'citation.quote')
})

t.test('a value the quote does not print, without an editor’s reading, is refused', async (t) => {
  await spec.given([sourceRegistered, factDefined]).when({ ...claimInput, value: '22' }).thenFails(t, 'InvariantViolated', 'value')
})

t.test('a figure that does not parse is refused on the value field', async (t) => {
  await spec.given([sourceRegistered, factDefined]).when({ ...claimInput, value: 'lots of' }).thenFails(t, 'ValidationFailed', 'value')
})

t.test('a body without attributedTo is refused naming it', async (t) => {
  const { attributedTo: _who, ...rest } = claimInput
  await spec.given([sourceRegistered, factDefined]).when(rest).thenFails(t, 'ValidationFailed', 'attributedTo')
})
