import t from 'tap'
import { decodeRecorded } from '../../events/decode.js'
import { claimInput, editor, seededLedger, SNAPSHOT } from './ledger-fixture.js'

t.test('a recorded claim keeps its hedge, its verified quote offsets and who recorded it', async (t) => {
  const { store } = await seededLedger()
  const events = []
  for await (const e of store.readStream(`claim-${claimInput.claimId}`)) events.push(e)
  t.equal(events.length, 1)
  const event = decodeRecorded(events[0]!)
  if (event.type !== 'ClaimRecorded') throw new Error('wrong type')
  const at = SNAPSHOT.indexOf(claimInput.citation.quote)
  t.same(event.data.citation, { quote: claimInput.citation.quote, start: at, end: at + claimInput.citation.quote.length, verified: true, snapshotVersion: 0 })
  t.equal(event.data.value.hedge, 'exact')
  t.equal(event.data.value.lower, 21)
  t.same(event.data.via, [])
  t.equal(events[0]!.metadata.actor, 'alice')
  t.equal(events[0]!.metadata.role, 'editor')
  t.equal(events[0]!.metadata.recordedAt, '2026-01-01T00:00:00.000Z')
})

t.test('a figure phrase is parsed with its hedge', async (t) => {
  const { ledger, store } = await seededLedger()
  const r = await ledger.recordClaim(editor, { ...claimInput, claimId: undefined, value: 'more than 20', citation: { quote: 'More than 20 of them' } })
  t.ok(r.ok)
  if (!r.ok) return
  const event = decodeRecorded(r.event)
  if (event.type !== 'ClaimRecorded') throw new Error('wrong type')
  t.match(event.data.value, { hedge: 'more-than', lower: 20, lowerInclusive: false, upper: null })
  t.equal(await store.headPosition(), 4n)
})

t.test('bad claims are refused with the field named, and nothing is written', async (t) => {
  const { ledger, store } = await seededLedger()
  const head = await store.headPosition()
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['unknown fact', { factId: 'no-such-fact' }, 'NotFound', 'factId'],
    ['unknown source', { sourceId: '01933c8e-0000-7000-8000-0000000000ff' }, 'NotFound', 'sourceId'],
    ['quote not in the snapshot', { citation: { quote: 'sanctioned 15 officials' } }, 'InvariantViolated', 'citation.quote'],
    ['quote at the wrong offsets', { citation: { quote: 'sanctioned 21', start: 0, end: 13 } }, 'InvariantViolated', 'citation.start'],
    ['offsets that do not span the quote', { citation: { quote: 'sanctioned 21', start: 0, end: 5 } }, 'ValidationFailed', 'citation.end'],
    ['unparseable figure', { value: 'dozens' }, 'ValidationFailed', 'value'],
    ['bad modality', { modality: 'rumour' }, 'ValidationFailed', 'modality'],
    ['bad validAt', { validAt: 'last week' }, 'ValidationFailed', 'validAt'],
    ['unknown field', { confidence: 0.9 }, 'ValidationFailed', ''],
    ['missing attribution', { attributedTo: '' }, 'ValidationFailed', 'attributedTo'],
    ['claim id taken', { claimId: claimInput.claimId }, 'AlreadyExists', 'claimId'],
  ]
  for (const [name, change, code, field] of cases) {
    const input = { ...claimInput, claimId: undefined, ...change }
    const r = await ledger.recordClaim(editor, input)
    t.equal(r.ok, false, name)
    if (r.ok) continue
    t.equal(r.error.code, code, `${name}: code`)
    if (r.error.code === 'ValidationFailed') t.ok(r.error.issues.some((i) => i.path === field), `${name}: names ${field || '(body)'} in ${JSON.stringify(r.error.issues)}`)
    else if ('field' in r.error) t.equal(r.error.field, field, `${name}: field`)
  }
  t.equal(await store.headPosition(), head, 'nothing was written')
})

t.test('a reader may not write', async (t) => {
  const { ledger, store } = await seededLedger()
  const r = await ledger.recordClaim({ actor: 'bob', role: 'reader' }, { ...claimInput, claimId: undefined })
  t.match(r, { ok: false, error: { code: 'Forbidden', required: 'editor' } })
  t.equal(await store.headPosition(), 3n)
})

t.test('a claim from a source without a snapshot is stored unverified', async (t) => {
  const { ledger } = await seededLedger()
  const src = await ledger.registerSource(editor, { publisher: 'Paper', title: 'T', publishedAt: '2024-09-03', origin: 'paper', tier: 3 })
  if (!src.ok) throw new Error(src.error.message)
  const r = await ledger.recordClaim(editor, { ...claimInput, claimId: undefined, sourceId: src.entityId, citation: { quote: 'it sanctioned 21 officials' } })
  if (!r.ok) throw new Error(r.error.message)
  const e = decodeRecorded(r.event)
  t.same(e.type === 'ClaimRecorded' && e.data.citation, { quote: 'it sanctioned 21 officials', verified: false })
})

t.test('a source URL must be a web address', async (t) => {
  const { ledger, store } = await seededLedger()
  const head = await store.headPosition()
  for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org/a', 'not a url']) {
    const r = await ledger.registerSource(editor, { publisher: 'P', title: 'T', publishedAt: '2024-01-01', origin: 'p', tier: 2, url })
    t.match(r, { ok: false, error: { code: 'ValidationFailed', issues: [{ path: 'url' }] } }, url)
  }
  t.equal(await store.headPosition(), head)
  t.match(await ledger.registerSource(editor, { publisher: 'P', title: 'T', publishedAt: '2024-01-01', origin: 'p', tier: 2, url: 'https://apnews.com/article/x' }), { ok: true })
})
