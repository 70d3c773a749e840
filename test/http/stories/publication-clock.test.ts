import t from 'tap'
import { closeTestApi, createTestApi } from '../harness.js'
import { claimOf, day, read, send, sha256, tellStory, wireCorrectedText, wireText } from './storm-story.js'

const homes = 'ilse-homes-without-power'
type View = { display: string; status: string; excluded: Array<{ claimId: string; reason: string }>; explanation: Array<{ step: string; detail: string }> }

t.test('an outlet corrects its own figure days later: snapshots are versions and the publication clock follows the correction (HTTP)', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const { wire } = await tellStory(api)

  const first = await send(api, 'POST', '/claims', claimOf(wire, homes, '4,000', 'left 4,000 homes without power'))
  t.equal(first.status, 201)
  const beforeRevision = await api.head()
  const revised = await send(api, 'POST', `/sources/${wire}/revisions`, { revisedAt: day.four, snapshotText: wireCorrectedText, note: 'the outlet corrected 4,000 to 400' })
  t.equal(revised.status, 200)

  await t.test('the revision adds a snapshot version with its own sha256 and date; the first text stays readable', async (t) => {
    const source = await read<{ snapshots: unknown[]; revisions: Array<{ revision: number }> }>(api, `/sources/${wire}`)
    t.same(source.snapshots, [
      { version: 0, sha256: sha256(wireText), publishedAt: day.one, revisionOf: null },
      { version: 1, sha256: sha256(wireCorrectedText), publishedAt: day.four, revisionOf: 0 },
    ])
    t.match(source.revisions, [{ revision: 1 }])
    t.match(await read(api, `/sources/${wire}/snapshots/0`), { version: 0, text: wireText, sha256: sha256(wireText), publishedAt: day.one })
    t.match(await read(api, `/sources/${wire}/snapshots/1`), { version: 1, text: wireCorrectedText, publishedAt: day.four })
    const missing = await api.app.inject({ url: `/sources/${wire}/snapshots/2` })
    t.equal(missing.statusCode, 404)
  })

  await t.test("the first claim's citation names version 0, so its offsets still point at the words it quoted", async (t) => {
    const claim = await read<{ claim: { citation: { start: number; end: number; snapshotVersion: number; quote: string } } }>(api, `/claims/${first.body.id}`)
    const { start, end, snapshotVersion, quote } = claim.claim.citation
    t.equal(snapshotVersion, 0)
    const text = (await read<{ text: string }>(api, `/sources/${wire}/snapshots/${snapshotVersion}`)).text
    t.equal(text.slice(start, end), quote)
  })

  const retract = await send(api, 'POST', `/claims/${first.body.id}/retractions`, { reason: 'the outlet corrected the figure', sourceRevision: 1 })
  t.equal(retract.status, 200)
  const corrected = await send(api, 'POST', '/claims', claimOf(wire, homes, '400', 'left 400 homes without power'))
  t.equal(corrected.status, 201)

  await t.test('a quote found only in the revision names that version and is public from its date', async (t) => {
    const claim = await read<{ claim: { citation: { snapshotVersion: number } } }>(api, `/claims/${corrected.body.id}`)
    t.equal(claim.claim.citation.snapshotVersion, 1)
  })

  await t.test('knownAt day 2 shows 4,000; knownAt day 5 shows 400; now shows 400', async (t) => {
    const early = await read<View>(api, `/facts/${homes}?knownAt=${day.two}`)
    t.match(early, { display: '4,000', status: 'single-source' })
    t.same(early.excluded, [{ claimId: corrected.body.id, reason: `its words were first published in revision 1 on ${day.four}, after ${day.two}` }])
    const late = await read<View>(api, `/facts/${homes}?knownAt=${day.five}`)
    t.match(late, { display: '400' })
    t.match(late.excluded, [{ claimId: first.body.id, reason: /^retracted \(the source's correction of 2026-02-04\): the outlet corrected the figure$/ }])
    t.match(await read<View>(api, `/facts/${homes}`), { display: '400' })
  })

  await t.test('the ledger clock is unaffected: asOf before the revision still says what the ledger said then', async (t) => {
    t.match(await read<View>(api, `/facts/${homes}?asOf=${beforeRevision}`), { display: '4,000' })
  })

  await t.test("the PROV export carries the source's revision chain and which version each claim quotes", async (t) => {
    const prov = await read<Record<string, Record<string, Record<string, unknown>>>>(api, `/facts/${homes}/prov`)
    const v0 = `source:${wire}/snapshots/0`
    const v1 = `source:${wire}/snapshots/1`
    t.match(prov.entity![v1], { 'prov:type': 'factledger:SourceSnapshot', 'factledger:snapshotVersion': 1, 'prov:generatedAtTime': day.four })
    t.same(Object.values(prov.wasRevisionOf!).filter((r) => r['prov:generatedEntity'] === v1).map((r) => r['prov:usedEntity']), [v0])
    const quoted = (claimId: string) => Object.values(prov.wasQuotedFrom!).filter((r) => String(r['prov:generatedEntity']).startsWith(`claim:${claimId}`)).map((r) => r['prov:usedEntity'])
    t.same(quoted(first.body.id), [v0])
    t.same(quoted(corrected.body.id), [v1])
  })

  await t.test('ClaimReview datePublished is when the view last changed, not the time of the latest event', async (t) => {
    const before = (await read<{ datePublished: string }>(api, `/facts/${homes}/claimreview`)).datePublished
    // A new headline re-projects every fact citing the source, but the fact's view does not change.
    const retitled = await send(api, 'POST', `/sources/${wire}/revisions`, { revisedAt: day.five, title: 'Storm Ilse: power cuts', note: 'new headline' })
    t.equal(retitled.status, 200)
    const event = (await read<{ items: Array<{ metadata: { recordedAt: string } }> }>(api, `/events?from=${BigInt(retitled.body.position as string) - 1n}&limit=1`)).items[0]!
    t.not(event.metadata.recordedAt, before, 'the latest event was recorded at another time')
    t.equal((await read<{ datePublished: string }>(api, `/facts/${homes}/claimreview`)).datePublished, before)
  })

  await t.test('a retraction linked to a revision the source does not have is 422 naming sourceRevision; nothing written', async (t) => {
    const head = await api.head()
    const r = await send(api, 'POST', `/claims/${corrected.body.id}/retractions`, { reason: 'x', sourceRevision: 7 })
    t.match(r, { status: 422, body: { errors: [{ path: 'sourceRevision' }] } })
    const both = await send(api, 'POST', `/claims/${corrected.body.id}/retractions`, { reason: 'x', sourceRevision: 1, effectiveAt: day.four })
    t.match(both, { status: 400, body: { errors: [{ path: 'effectiveAt' }] } })
    const early = await send(api, 'POST', `/claims/${corrected.body.id}/retractions`, { reason: 'x', effectiveAt: '2025-12-31' })
    t.match(early, { status: 422, body: { errors: [{ path: 'effectiveAt' }] } })
    t.equal(await api.head(), head)
  })
})

t.test("a correction that follows the source's correction counts from its date; our transcription fix counts on every date (HTTP)", async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const { wire } = await tellStory(api)
  const claim = await send(api, 'POST', '/claims', claimOf(wire, homes, '4,000', 'left 4,000 homes without power'))
  await send(api, 'POST', `/sources/${wire}/revisions`, { revisedAt: day.four, snapshotText: wireCorrectedText, note: 'corrected to 400' })
  const r = await send(api, 'POST', `/claims/${claim.body.id}/corrections`, {
    reason: 'the outlet published a correction', sourceRevision: 1, changes: { value: '400', citation: { quote: 'left 400 homes without power' } },
  })
  t.equal(r.status, 200)
  t.match(await read<View>(api, `/facts/${homes}?knownAt=${day.two}`), { display: '4,000' })
  const late = await read<View>(api, `/facts/${homes}?knownAt=${day.five}`)
  t.match(late, { display: '400' })
  t.match(late.explanation.find((s) => s.step === 'corrected')?.detail, /follows the source's own correction in revision 1, so it applies from 2026-02-04 on the publication clock/)

  const fix = await send(api, 'POST', `/claims/${claim.body.id}/corrections`, { reason: 'we wrote the wrong speaker', changes: { attributedTo: 'Coastal Power' } })
  t.equal(fix.status, 200)
  const early = await read<View & { attributedTo: string[] }>(api, `/facts/${homes}?knownAt=${day.two}`)
  t.same(early.attributedTo, ['Coastal Power'], 'our own transcription fix applies on every publication date')
  t.match(early.explanation.map((s) => s.detail), [
    /The source's correction of "4,000" \(Coastal Wire, 2026-02-01\), published 2026-02-04, was not yet public at 2026-02-02: the claim stands as first printed\./,
    /who said it changed from "the utility" to "Coastal Power"\. It fixes our transcription, so it applies on every publication date/,
  ])
})
