import t from 'tap'
import { closeTestApi, createTestApi } from '../harness.js'
import { claimOf, day, read, send, tellStory } from './storm-story.js'

const deaths = 'ilse-deaths'
type View = {
  display: string; status: string; origins: number; summary: string; supporting: string[]; superseded: string[]; conflicting: string[]
  disputes: { open: number; reasons: string[] }; excluded: Array<{ claimId: string; reason: string }>; explanation: Array<{ step: string; detail: string }>
}

t.test('a reprint never outranks what it reprints (HTTP)', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const { wire, reprint } = await tellStory(api)
  // The reprint is entered first and later in the ledger order would once have made it "the latest report".
  const copy = await send(api, 'POST', '/claims', claimOf(wire, deaths, 'at least 7', 'At least 7 people died', { attributedTo: 'the fire chief' }))
  const differing = await send(api, 'POST', '/claims', claimOf(reprint, deaths, 'at least 9', 'at least 9 people died', { attributedTo: 'the fire chief' }))
  t.equal(copy.status, 201)
  t.equal(differing.status, 201)
  const view = await read<View>(api, `/facts/${deaths}`)
  t.match(view, { display: 'at least 7', status: 'single-source', supporting: [copy.body.id], superseded: [], conflicting: [differing.body.id] })
  t.equal(view.summary, 'at least 7 per the fire chief (single source: Coastal Wire; 1 conflicting claim set aside)')
  t.match(view.explanation.find((s) => s.step === 'conflict')?.detail, /"at least 9" \(Harbour Daily relaying Coastal Wire, 2026-02-01\) is a reprint that differs from the claim its origin published at the same time, "at least 7" \(Coastal Wire, 2026-02-01\)/)
  t.notMatch(JSON.stringify(view.explanation), /coastalwire/, 'the origin key is never shown as an outlet')
})

t.test('open disputes show on the fact, do not count towards confirmed, and can be upheld or dismissed (HTTP)', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const { wire } = await tellStory(api)
  const other = await send(api, 'POST', '/sources', { publisher: 'Valley Times', title: 'Ilse', publishedAt: day.one, origin: 'Valley Times', tier: 2, snapshotText: 'Officials said at least 7 people died.' })
  const a = await send(api, 'POST', '/claims', claimOf(wire, deaths, 'at least 7', 'At least 7 people died', { attributedTo: 'the fire chief' }))
  const b = await send(api, 'POST', '/claims', claimOf(other.body.id, deaths, 'at least 7', 'at least 7 people died', { attributedTo: 'officials' }))
  t.match(await read<View>(api, `/facts/${deaths}`), { status: 'confirmed', origins: 2, disputes: { open: 0, reasons: [] } })

  const dispute = await send(api, 'POST', `/claims/${b.body.id}/disputes`, { reason: 'the Times may be counting the same bodies twice' })
  t.equal(dispute.status, 200)
  const disputed = await read<View>(api, `/facts/${deaths}`)
  t.match(disputed, { status: 'single-source', origins: 1, disputes: { open: 1, reasons: ['the Times may be counting the same bodies twice'] } })
  t.match(disputed.summary, /1 disputed claim not counted/)
  const review = await read<{ reviewRating: { alternateName: string; ratingValue: number; ratingExplanation: string }; reviewBody: string }>(api, `/facts/${deaths}/claimreview`)
  t.match(review.reviewRating, { alternateName: 'Single source, disputed', ratingValue: 2 })
  t.match(review.reviewBody, /1 open dispute by editors: "the Times may be counting the same bodies twice"/)

  const claim = await read<{ claim: { disputes: Array<{ disputeId: string; status: string; by: string }> }; revision: string }>(api, `/claims/${b.body.id}`)
  const [open] = claim.claim.disputes
  t.match(open, { disputeId: dispute.body.eventId, status: 'open', by: String })

  await t.test('resolving a dispute the claim does not have, or one already resolved, is 422 naming disputeId; nothing written', async (t) => {
    const head = await api.head()
    const r = await send(api, 'POST', `/claims/${b.body.id}/dispute-resolutions`, { disputeId: 'no-such-dispute', outcome: 'dismissed', reason: 'x' })
    t.match(r, { status: 422, body: { errors: [{ path: 'disputeId' }] } })
    const bad = await send(api, 'POST', `/claims/${b.body.id}/dispute-resolutions`, { disputeId: open!.disputeId, outcome: 'ignored', reason: 'x' })
    t.match(bad, { status: 400, body: { errors: [{ path: 'outcome' }] } })
    const blank = await send(api, 'POST', `/claims/${b.body.id}/dispute-resolutions`, { disputeId: open!.disputeId, outcome: 'dismissed', reason: '  ' })
    t.match(blank, { status: 400, body: { errors: [{ path: 'reason' }] } })
    t.equal(await api.head(), head)
  })

  const stale = await send(api, 'POST', `/claims/${b.body.id}/dispute-resolutions`, { disputeId: open!.disputeId, outcome: 'dismissed', reason: 'checked' }, { 'if-match': '"0"' })
  t.equal(stale.status, 409, 'If-Match is honoured like the other claim lifecycle routes')
  const dismissed = await send(api, 'POST', `/claims/${b.body.id}/dispute-resolutions`, { disputeId: open!.disputeId, outcome: 'dismissed', reason: 'the Times named each victim' }, { 'if-match': `"${claim.revision}"` })
  t.equal(dismissed.status, 200)
  t.match(await read<View>(api, `/facts/${deaths}`), { status: 'confirmed', origins: 2, disputes: { open: 0 } })
  const again = await send(api, 'POST', `/claims/${b.body.id}/dispute-resolutions`, { disputeId: open!.disputeId, outcome: 'upheld', reason: 'x' })
  t.match(again, { status: 422, body: { detail: /already dismissed/ } })

  const second = await send(api, 'POST', `/claims/${a.body.id}/disputes`, { reason: 'the chief retracted on radio' })
  const upheld = await send(api, 'POST', `/claims/${a.body.id}/dispute-resolutions`, { disputeId: second.body.eventId, outcome: 'upheld', reason: 'the recording confirms it' })
  t.equal(upheld.status, 200)
  const after = await read<View>(api, `/facts/${deaths}`)
  t.match(after, { status: 'single-source', supporting: [b.body.id], disputes: { open: 0 } })
  t.same(after.excluded, [{ claimId: a.body.id, reason: 'an editor upheld a dispute (the chief retracted on radio): the recording confirms it' }])
  const lifecycle = (await read<{ claim: { lifecycle: Array<{ action: string; outcome?: string }> } }>(api, `/claims/${a.body.id}`)).claim.lifecycle
  t.same(lifecycle.map((e) => e.action), ['recorded', 'disputed', 'dispute-resolved'])
  t.equal(lifecycle[2]!.outcome, 'upheld')

  await t.test('as of the ledger before each resolution the dispute is open; after it, resolved, on every clock', async (t) => {
    const at = (position: unknown, extra = '') => read<View>(api, `/facts/${deaths}?asOf=${String(position)}${extra}`)
    const dismissedAt = BigInt(dismissed.body.position as string)
    const upheldAt = BigInt(upheld.body.position as string)
    // With knownAt the view is reconciled from the fact's own events (the as-of fold), not read from the stored history.
    for (const clock of ['', `&knownAt=${day.five}`]) {
      t.match(await at(dismissedAt - 1n, clock), { status: 'single-source', origins: 1, disputes: { open: 1, reasons: ['the Times may be counting the same bodies twice'] } }, `before the dismissal${clock}`)
      t.match(await at(dismissedAt, clock), { status: 'confirmed', origins: 2, disputes: { open: 0, reasons: [] } }, `after the dismissal${clock}`)
      t.match(await at(upheldAt - 1n, clock), { disputes: { open: 1, reasons: ['the chief retracted on radio'] } }, `before the upholding${clock}`)
      const after = await at(upheldAt, clock)
      t.match(after, { status: 'single-source', supporting: [b.body.id], disputes: { open: 0 } }, `after the upholding${clock}`)
      t.same(after.excluded, [{ claimId: a.body.id, reason: 'an editor upheld a dispute (the chief retracted on radio): the recording confirms it' }])
    }
  })
})
