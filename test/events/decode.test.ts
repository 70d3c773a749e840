import { readFileSync } from 'node:fs'
import t from 'tap'
import { decodeEventData } from '../../events/decode.js'
import { eventTypeNames, eventTypes } from '../../events/registry.js'

const v1 = JSON.parse(readFileSync(new URL('../fixtures/events/claim-recorded-v1.json', import.meta.url), 'utf8')) as { type: string; schemaVersion: number; data: Record<string, unknown> }

t.test('a stored ClaimRecorded v1 payload is read back as v3: `via` becomes a chain', async (t) => {
  const r = decodeEventData(v1.type, v1.schemaVersion, v1.data)
  t.ok(r.ok)
  if (!r.ok || r.event.type !== 'ClaimRecorded') return
  t.same(r.event.data.via, ['according to documents seen by Bloomberg'])
  t.equal(r.event.data.modality, 'planned')
  t.equal(eventTypes.ClaimRecorded.current, 3)
})

t.test('a v1 payload without `via` upcasts to an empty chain', async (t) => {
  const { via: _via, ...rest } = v1.data
  const r = decodeEventData('ClaimRecorded', 1, rest)
  t.same(r.ok && r.event.type === 'ClaimRecorded' && r.event.data.via, [])
})

t.test('the v1 schema still guards old payloads: a v2-shaped array is not a valid v1', async (t) => {
  const r = decodeEventData('ClaimRecorded', 1, { ...v1.data, via: ['x'] })
  t.match(r, { ok: false, error: { code: 'InvalidPayload', message: /ClaimRecorded v1/ } })
})

t.test('current-version payloads decode unchanged', async (t) => {
  const current = { ...v1.data, via: ['documents seen by Bloomberg'] }
  const r = decodeEventData('ClaimRecorded', 2, current)
  t.same(r.ok && r.event.data, current)
})

t.test('unknown types, versions and bad payloads are typed errors', async (t) => {
  t.match(decodeEventData('ClaimInvented', 1, {}), { ok: false, error: { code: 'UnknownEventType' } })
  t.match(decodeEventData('ClaimRecorded', 4, v1.data), { ok: false, error: { code: 'UnknownSchemaVersion' } })
  t.match(decodeEventData('ClaimRecorded', 0, v1.data), { ok: false, error: { code: 'UnknownSchemaVersion' } })
  t.match(decodeEventData('FactDefined', 1, { factId: 'x' }), { ok: false, error: { code: 'InvalidPayload', message: /question/ } })
  t.match(decodeEventData('ClaimRetracted', 1, { claimId: v1.data.claimId, reason: 'r', extra: 1 }), { ok: false, error: { code: 'InvalidPayload' } })
})

t.test('every registered type names a current version with a schema, and an upcaster for each older one', async (t) => {
  t.equal(eventTypeNames.length, 13)
  for (const name of eventTypeNames) {
    const entry = eventTypes[name]
    for (let v = 1; v < entry.current; v++) {
      t.ok((entry.legacy as Record<number, unknown>)[v], `${name} v${v} schema`)
      t.ok((entry.upcasters as Record<number, unknown>)[v], `${name} v${v} upcaster`)
    }
  }
})

const v2Shapes = JSON.parse(readFileSync(new URL('../fixtures/events/claim-v2-shapes.json', import.meta.url), 'utf8')) as {
  events: Array<{ type: string; schemaVersion: number; data: Record<string, unknown> }>
}

t.test('stored ClaimRecorded v2, ClaimCorrected v1 and ClaimRetracted v1 payloads read back unchanged in the current shapes', async (t) => {
  const decoded = v2Shapes.events.map((e) => decodeEventData(e.type, e.schemaVersion, e.data))
  t.same(
    decoded.map((r) => r.ok && r.event.data),
    v2Shapes.events.map((e) => e.data),
    'no snapshot version is invented for an old citation, and no published correction for an old retraction',
  )
})

t.test('the old schemas still guard old payloads: a v2 ClaimRecorded with an editor’s reading is not a valid v2', async (t) => {
  const [recorded] = v2Shapes.events
  const r = decodeEventData('ClaimRecorded', 2, { ...recorded!.data, reading: { reason: 'from a table' } })
  t.match(r, { ok: false, error: { code: 'InvalidPayload', message: /ClaimRecorded v2/ } })
})

t.test('a ClaimDisputeResolved names its dispute and an outcome of upheld or dismissed', async (t) => {
  const claimId = '0191b7c1-8a00-7000-8000-0000000000f2'
  t.ok(decodeEventData('ClaimDisputeResolved', 1, { claimId, disputeId: 'e1', outcome: 'upheld', reason: 'the figure is a typo' }).ok)
  t.match(decodeEventData('ClaimDisputeResolved', 1, { claimId, disputeId: 'e1', outcome: 'withdrawn', reason: 'x' }), { ok: false, error: { code: 'InvalidPayload', message: /outcome/ } })
})
