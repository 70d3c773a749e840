import t from 'tap'
import { registerSource } from '../../../src/ledger/commands/source-commands.js'
import { decider } from '../../helpers/decider-spec.js'
import { sourceInput } from '../ledger-fixture.js'
import { sourceId, sourceRegistered } from './history.js'

const spec = decider(registerSource)
const { sourceId: _id, ...body } = sourceInput

t.test('a source is registered with its snapshot and the snapshot’s sha256', async (t) => {
  await spec.given([]).when(body, sourceId).then(t, sourceRegistered)
})

t.test('a source without a snapshot is registered without one', async (t) => {
  const { snapshotText: _text, ...plain } = sourceInput
  const { snapshot: _snapshot, ...data } = sourceRegistered.data as Record<string, unknown>
  await spec.given([]).when(plain).then(t, { type: 'SourceRegistered', data })
})

t.test('a source id already taken is refused', async (t) => {
  await spec.given([sourceRegistered]).when(sourceInput).thenFails(t, 'AlreadyExists', 'sourceId')
})

t.test('a javascript: link is refused naming url', async (t) => {
  await spec.given([]).when({ ...sourceInput, url: 'javascript:alert(1)' }).thenFails(t, 'ValidationFailed', 'url')
})
