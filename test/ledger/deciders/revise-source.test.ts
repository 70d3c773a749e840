import t from 'tap'
import { reviseSource } from '../../../src/ledger/commands/source-commands.js'
import { sha256Hex } from '../../../src/ledger/snapshot.js'
import { decider } from '../../helpers/decider-spec.js'
import { sourceId, sourceRegistered, sourceRetracted } from './history.js'

const spec = decider(reviseSource)
const revision = { revisedAt: '2024-11-29', note: 'the count was corrected', snapshotText: 'The Treasury sanctioned 16 officials.' }

t.test('a revision brings a new snapshot version with its sha256', async (t) => {
  await spec
    .given([sourceRegistered])
    .when(revision, sourceId)
    .then(t, { type: 'SourceRevised', data: { sourceId, revisedAt: '2024-11-29', note: 'the count was corrected', snapshot: { text: revision.snapshotText, sha256: sha256Hex(revision.snapshotText) } } })
})

t.test('revising an unknown source is refused', async (t) => {
  await spec.given([]).when(revision, sourceId).thenFails(t, 'NotFound', 'sourceId')
})

t.test('revising a retracted source is refused', async (t) => {
  await spec.given([sourceRegistered, sourceRetracted]).when(revision, sourceId).thenFails(t, 'InvariantViolated', 'sourceId')
})

t.test('a revision without a date is refused naming revisedAt', async (t) => {
  await spec.given([sourceRegistered]).when({ note: 'x' }, sourceId).thenFails(t, 'ValidationFailed', 'revisedAt')
})
