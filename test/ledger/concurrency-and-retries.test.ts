import t from 'tap'
import { claimInput, editor, seededLedger } from './ledger-fixture.js'

const claimId = claimInput.claimId

t.test('a stale If-Match is refused before any check, with the current revision', async (t) => {
  const { ledger, store } = await seededLedger()
  t.ok((await ledger.disputeClaim({ ...editor, expectedRevision: 0n }, claimId, { reason: 'first editor' })).ok)
  const head = await store.headPosition()
  const stale = await ledger.correctClaim({ ...editor, expectedRevision: 0n }, claimId, { reason: 'second editor', changes: { modality: 'reported' } })
  t.match(stale, { ok: false, error: { code: 'WrongExpectedRevision', stream: `claim-${claimId}`, expected: 0n, actual: 1n } })
  t.equal(await store.headPosition(), head)
})

t.test('two editors racing on one claim: exactly one wins', async (t) => {
  const { ledger, store } = await seededLedger()
  const results = await Promise.all([
    ledger.correctClaim(editor, claimId, { reason: 'a', changes: { modality: 'reported' } }),
    ledger.correctClaim(editor, claimId, { reason: 'b', changes: { attributedTo: 'Treasury Department' } }),
  ])
  t.equal(results.filter((r) => r.ok).length, 1)
  t.match(results.find((r) => !r.ok), { ok: false, error: { code: 'WrongExpectedRevision' } })
  const events = []
  for await (const e of store.readStream(`claim-${claimId}`)) events.push(e)
  t.equal(events.length, 2)
})

t.test('an idempotent retry returns the first result and writes nothing', async (t) => {
  const { ledger, store } = await seededLedger()
  const ctx = { ...editor, idempotencyKey: 'retry-1' }
  const input = { ...claimInput, claimId: undefined, value: 'more than 20', citation: { quote: 'More than 20 of them' } }
  const first = await ledger.recordClaim(ctx, input)
  const head = await store.headPosition()
  const again = await ledger.recordClaim(ctx, input)
  t.ok(first.ok && again.ok)
  if (!first.ok || !again.ok) return
  t.equal(again.duplicate, true)
  t.equal(again.entityId, first.entityId)
  t.equal(again.event.id, first.event.id)
  t.equal(again.position, first.position)
  t.equal(await store.headPosition(), head)
})

t.test('the same key with another body is a conflict, not a second write', async (t) => {
  const { ledger, store } = await seededLedger()
  const ctx = { ...editor, idempotencyKey: 'retry-2' }
  t.ok((await ledger.retractClaim(ctx, claimId, { reason: 'withdrawn' })).ok)
  const head = await store.headPosition()
  t.match(await ledger.retractClaim(ctx, claimId, { reason: 'a different reason' }), { ok: false, error: { code: 'IdempotencyConflict', idempotencyKey: 'retry-2' } })
  // A retry of a retraction must not trip "already retracted": it is the same command.
  t.match(await ledger.retractClaim(ctx, claimId, { reason: 'withdrawn' }), { ok: true, duplicate: true })
  t.equal(await store.headPosition(), head)
})

t.test('keys are per actor: two editors may use the same key', async (t) => {
  const { ledger } = await seededLedger()
  const a = await ledger.disputeClaim({ ...editor, idempotencyKey: 'k' }, claimId, { reason: 'a' })
  const b = await ledger.disputeClaim({ actor: 'carol', role: 'editor', idempotencyKey: 'k' }, claimId, { reason: 'b' })
  t.match(a, { ok: true, duplicate: false })
  t.match(b, { ok: true, duplicate: false })
})
