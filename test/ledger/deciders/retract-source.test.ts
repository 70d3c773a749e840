import t from 'tap'
import { retractSource } from '../../../src/ledger/commands/source-commands.js'
import { decider } from '../../helpers/decider-spec.js'
import { sourceId, sourceRegistered, sourceRetracted } from './history.js'

const spec = decider(retractSource)

t.test('a source is retracted with its date and reason', async (t) => {
  await spec.given([sourceRegistered]).when({ retractedAt: '2024-11-28', reason: 'pulled' }, sourceId).then(t, sourceRetracted)
})

t.test('retracting an unknown source is refused', async (t) => {
  await spec.given([]).when({ retractedAt: '2024-11-28', reason: 'pulled' }, sourceId).thenFails(t, 'NotFound', 'sourceId')
})

t.test('retracting a source twice is refused', async (t) => {
  await spec.given([sourceRegistered, sourceRetracted]).when({ retractedAt: '2024-11-29', reason: 'again' }, sourceId).thenFails(t, 'InvariantViolated', 'sourceId')
})

t.test('a retraction date that is not a date is refused naming it', async (t) => {
  await spec.given([sourceRegistered]).when({ retractedAt: 'yesterday', reason: 'x' }, sourceId).thenFails(t, 'ValidationFailed', 'retractedAt')
})
