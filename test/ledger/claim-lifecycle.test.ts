import t from 'tap'
import { claimInput, editor, factInput, seededLedger } from './ledger-fixture.js'

const claimId = claimInput.claimId
const otherFact = { ...factInput, factId: 'us-security-leaders-sanctioned-2024-11', question: 'How many security force leaders were among those sanctioned on 2024-11-27?' }

t.test('a correction keeps the old value in the claim history', async (t) => {
  const { ledger } = await seededLedger()
  const changes = { value: 'more than 20', citation: { quote: 'More than 20 of them were named' } }
  const r = await ledger.correctClaim(editor, claimId, { reason: 'typo: the article says more than 20', changes })
  t.ok(r.ok)
  if (!r.ok) return
  t.equal(r.revision, 1n)
  t.equal(r.event.type, 'ClaimCorrected')
  t.match(r.event.data, { claimId, reason: 'typo: the article says more than 20', changes: { value: { hedge: 'more-than', lower: 20 } } })
})

t.test('correcting with a value it already has is refused', async (t) => {
  const { ledger } = await seededLedger()
  const r = await ledger.correctClaim(editor, claimId, { reason: 'no-op', changes: { attributedTo: 'U.S. Treasury' } })
  t.match(r, { ok: false, error: { code: 'InvariantViolated', field: 'changes' } })
})

t.test('a correction needs a reason and at least one change', async (t) => {
  const { ledger } = await seededLedger()
  const noReason = await ledger.correctClaim(editor, claimId, { reason: '  ', changes: { modality: 'reported' } })
  t.match(noReason, { ok: false, error: { code: 'ValidationFailed', issues: [{ path: 'reason' }] } })
  const noChange = await ledger.correctClaim(editor, claimId, { reason: 'x', changes: {} })
  t.match(noChange, { ok: false, error: { code: 'ValidationFailed', issues: [{ path: 'changes' }] } })
})

t.test('a retracted claim can be neither corrected, retracted again, disputed, reassigned nor pinned', async (t) => {
  const { ledger, store } = await seededLedger()
  t.ok((await ledger.retractClaim(editor, claimId, { reason: 'the outlet withdrew the story' })).ok)
  const head = await store.headPosition()
  await ledger.defineFact(editor, otherFact)
  const afterFact = await store.headPosition()
  t.equal(afterFact, head + 1n)
  const attempts = [
    await ledger.correctClaim(editor, claimId, { reason: 'x', changes: { modality: 'reported' } }),
    await ledger.retractClaim(editor, claimId, { reason: 'again' }),
    await ledger.disputeClaim(editor, claimId, { reason: 'doubt' }),
    await ledger.reassignClaim(editor, claimId, { toFactId: otherFact.factId, reason: 'misfiled' }),
    await ledger.pinFact(editor, factInput.factId, { claimId, reason: 'preferred' }),
  ]
  for (const r of attempts) t.match(r, { ok: false, error: { code: 'InvariantViolated', field: 'claimId' } })
  t.equal(await store.headPosition(), afterFact, 'nothing written')
})

t.test('reassigning moves the claim, but not to the same fact or a missing one', async (t) => {
  const { ledger } = await seededLedger()
  t.match(await ledger.reassignClaim(editor, claimId, { toFactId: factInput.factId, reason: 'same' }), { ok: false, error: { code: 'InvariantViolated', field: 'toFactId' } })
  t.match(await ledger.reassignClaim(editor, claimId, { toFactId: 'missing-fact', reason: 'x' }), { ok: false, error: { code: 'NotFound', field: 'toFactId' } })
  await ledger.defineFact(editor, otherFact)
  const r = await ledger.reassignClaim(editor, claimId, { toFactId: otherFact.factId, reason: 'the 15 security leaders are a subset' })
  t.match(r, { ok: true, event: { data: { fromFactId: factInput.factId, toFactId: otherFact.factId } } })
})

t.test('a pin names an active claim of that fact; unpin needs a pin', async (t) => {
  const { ledger } = await seededLedger()
  t.match(await ledger.unpinFact(editor, factInput.factId, { reason: 'x' }), { ok: false, error: { code: 'InvariantViolated', field: 'factId' } })
  t.match(await ledger.pinFact(editor, factInput.factId, { claimId: '01933c8e-0000-7000-8000-0000000000aa', reason: 'x' }), { ok: false, error: { code: 'NotFound', field: 'claimId' } })
  await ledger.defineFact(editor, otherFact)
  t.match(await ledger.pinFact(editor, otherFact.factId, { claimId, reason: 'x' }), { ok: false, error: { code: 'InvariantViolated', field: 'claimId' } })
  t.match(await ledger.pinFact(editor, factInput.factId, { claimId, reason: 'Treasury press release' }), { ok: true })
  t.match(await ledger.pinFact(editor, factInput.factId, { claimId, reason: 'again' }), { ok: false, error: { code: 'InvariantViolated' } })
  t.match(await ledger.unpinFact(editor, factInput.factId, { reason: 'superseded' }), { ok: true })
})

t.test('defining a fact: no duplicates, a subset needs an existing parent other than itself', async (t) => {
  const { ledger } = await seededLedger()
  t.match(await ledger.defineFact(editor, factInput), { ok: false, error: { code: 'AlreadyExists', field: 'factId' } })
  t.match(await ledger.defineFact(editor, { ...otherFact, subsetOf: 'missing-parent' }), { ok: false, error: { code: 'NotFound', field: 'subsetOf' } })
  t.match(await ledger.defineFact(editor, { ...otherFact, subsetOf: otherFact.factId }), { ok: false, error: { code: 'InvariantViolated', field: 'subsetOf' } })
  t.match(await ledger.defineFact(editor, { ...otherFact, factId: 'Bad Slug!' }), { ok: false, error: { code: 'ValidationFailed', issues: [{ path: 'factId' }] } })
  t.match(await ledger.defineFact(editor, { ...otherFact, subsetOf: factInput.factId }), { ok: true })
})

t.test('only an admin adopts a policy, and versions count up', async (t) => {
  const { ledger } = await seededLedger()
  t.match(await ledger.adoptPolicy(editor, { aboutTolerance: 0.1, note: 'wider' }), { ok: false, error: { code: 'Forbidden', required: 'admin' } })
  const admin = { actor: 'root', role: 'admin' as const }
  t.match(await ledger.adoptPolicy(admin, { aboutTolerance: 0.1, note: 'wider' }), { ok: true, event: { data: { policyVersion: 3 } } }, 'numbered after the default policy, version 2')
  t.match(await ledger.adoptPolicy(admin, { aboutTolerance: 0.02, note: 'narrower' }), { ok: true, event: { data: { policyVersion: 4 } } })
  t.match(await ledger.adoptPolicy(admin, { aboutTolerance: 0.9, note: 'too wide' }), { ok: false, error: { code: 'ValidationFailed', issues: [{ path: 'aboutTolerance' }] } })
})

t.test('sources: retracted sources take no new claims and no revisions', async (t) => {
  const { ledger } = await seededLedger()
  const sourceId = claimInput.sourceId
  t.match(await ledger.reviseSource(editor, sourceId, { revisedAt: '2024-11-28', note: 'headline updated', title: 'New title' }), { ok: true })
  t.match(await ledger.retractSource(editor, sourceId, { retractedAt: '2024-11-29', reason: 'retracted by publisher' }), { ok: true })
  t.match(await ledger.retractSource(editor, sourceId, { retractedAt: '2024-11-29', reason: 'again' }), { ok: false, error: { code: 'InvariantViolated' } })
  t.match(await ledger.reviseSource(editor, sourceId, { revisedAt: '2024-11-30', note: 'x' }), { ok: false, error: { code: 'InvariantViolated' } })
  t.match(await ledger.recordClaim(editor, { ...claimInput, claimId: undefined }), { ok: false, error: { code: 'InvariantViolated', field: 'sourceId' } })
  t.match(await ledger.retractSource(editor, '01933c8e-0000-7000-8000-0000000000ee', { retractedAt: '2024-11-29', reason: 'x' }), { ok: false, error: { code: 'NotFound' } })
})
