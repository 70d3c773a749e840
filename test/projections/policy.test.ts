import t from 'tap'
import { defaultPolicy } from '../../projections/model.js'
import { evolvePolicy } from '../../projections/policy.js'
import { stampOf } from '../../projections/stamp.js'
import { projectionVersion } from '../../projections/version.js'
import { createTestLedger, recordedEvent } from './ledger-builder.js'
import { decodeRecorded } from '../../events/decode.js'

t.test('PolicyAdopted sets the version and the "about" tolerance and keeps the "nearly" reach', async (t) => {
  const ledger = createTestLedger()
  ledger.append('PolicyAdopted', { policyVersion: 3, aboutTolerance: 0.1, note: 'wider about' })
  t.same(ledger.policy, { version: 3, aboutTolerance: 0.1, nearlyTolerance: defaultPolicy.nearlyTolerance })
})

t.test('any other event given to the policy reducer throws', async (t) => {
  const event = decodeRecorded(recordedEvent('FactUnpinned', { factId: 'a-fact', reason: 'x' }, { stream: 'policy-reconciliation', position: 3n, revision: 0n }))
  t.throws(() => evolvePolicy(defaultPolicy, event), /policy reducer: not a policy event: FactUnpinned/)
})

t.test('a ledger stamp carries bigints as decimal strings', async (t) => {
  const event = recordedEvent('FactUnpinned', { factId: 'a-fact', reason: 'x' }, { stream: 'fact-a-fact', position: 12345678901234567890n, revision: 41n })
  t.same(stampOf(event), {
    eventId: event.id,
    type: 'FactUnpinned',
    position: '12345678901234567890',
    revision: '41',
    recordedAt: event.metadata.recordedAt,
    actor: 'test-editor',
    role: 'editor',
  })
})

t.test('the projection version names the default policy version', async (t) => {
  t.match(projectionVersion, new RegExp(`^facts-v${defaultPolicy.version}\\.\\d+$`))
})
