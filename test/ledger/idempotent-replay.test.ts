import t from 'tap'
import { factInput, editor, seededLedger, claimInput } from './ledger-fixture.js'

// A retry (same Idempotency-Key, same body) is recognised before any invariant: it is decided again on the
// state its first attempt saw, so the command's own effect (a retracted claim, a moved claim) cannot refuse it.
const withKey = (key: string) => ({ ...editor, idempotencyKey: key })

t.test('a retried retraction replays the first result instead of "already retracted"', async (t) => {
  const { ledger } = await seededLedger()
  const first = await ledger.retractClaim(withKey('retract-1'), claimInput.claimId, { reason: 'withdrawn' })
  const again = await ledger.retractClaim(withKey('retract-1'), claimInput.claimId, { reason: 'withdrawn' })
  t.ok(first.ok && again.ok, 'both succeed')
  if (!first.ok || !again.ok) return
  t.equal(again.duplicate, true)
  t.equal(again.event.id, first.event.id, 'the same event')
})

t.test('a retried reassignment replays although the claim now sits under the target fact', async (t) => {
  const { ledger } = await seededLedger()
  const other = await ledger.defineFact(editor, { ...factInput, factId: 'us-sanctions-2024-09-round-count' })
  t.ok(other.ok)
  const body = { toFactId: 'us-sanctions-2024-09-round-count', reason: 'wrong round' }
  const first = await ledger.reassignClaim(withKey('move-1'), claimInput.claimId, body)
  const again = await ledger.reassignClaim(withKey('move-1'), claimInput.claimId, body)
  t.match(first, { ok: true, duplicate: false })
  t.match(again, { ok: true, duplicate: true, event: { data: { fromFactId: factInput.factId } } })
})

t.test('a retried policy adoption replays the version it adopted', async (t) => {
  const { ledger } = await seededLedger()
  const admin = { actor: 'root', role: 'admin' as const, idempotencyKey: 'policy-1' }
  const first = await ledger.adoptPolicy(admin, { aboutTolerance: 0.1, note: 'wider' })
  const again = await ledger.adoptPolicy(admin, { aboutTolerance: 0.1, note: 'wider' })
  t.match(first, { ok: true, duplicate: false, event: { data: { policyVersion: 3 } } })
  t.match(again, { ok: true, duplicate: true, event: { data: { policyVersion: 3 } } })
})

t.test('the same key with another body is a conflict, even when that body would be refused', async (t) => {
  const { ledger } = await seededLedger()
  t.ok((await ledger.retractClaim(withKey('retract-2'), claimInput.claimId, { reason: 'withdrawn' })).ok)
  const other = await ledger.retractClaim(withKey('retract-2'), claimInput.claimId, { reason: 'another reason' })
  t.match(other, { ok: false, error: { code: 'IdempotencyConflict', idempotencyKey: 'retract-2' } })
})

t.test('the shared opening refuses a role before reading the body', async (t) => {
  const { ledger } = await seededLedger()
  const result = await ledger.adoptPolicy(editor, { not: 'even valid' })
  t.match(result, { ok: false, error: { code: 'Forbidden', required: 'admin' } })
})
