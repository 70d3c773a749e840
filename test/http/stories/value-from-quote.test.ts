import t from 'tap'
import { closeTestApi, createTestApi } from '../harness.js'
import { claimOf, day, read, send, tellStory } from './storm-story.js'

const homes = 'ilse-homes-without-power'
const deaths = 'ilse-deaths'

t.test('the figure is read from the quote (HTTP)', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const { wire, reprint } = await tellStory(api)

  await t.test('a value the quote does not print is 422 naming value and quoting the citation; nothing is written', async (t) => {
    const head = await api.head()
    const r = await send(api, 'POST', '/claims', claimOf(wire, deaths, '12', 'At least 7 people died', { attributedTo: 'the fire chief' }))
    t.equal(r.status, 422)
    t.match(r.body.errors, [{ path: 'value', location: 'body' }])
    t.match(r.body.detail, /"12" is not what the quote says \("At least 7 people died"\): it prints "at least 7"/)
    t.equal(await api.head(), head)
  })

  await t.test('an exact figure where the quote hedges it is refused: "7" is not "at least 7"', async (t) => {
    const r = await send(api, 'POST', '/claims', claimOf(wire, deaths, '7', 'At least 7 people died', { attributedTo: 'the fire chief' }))
    t.equal(r.status, 422)
  })

  await t.test('the value is the figure the quote states, not the one it reports as earlier ("21, up from 15")', async (t) => {
    const factId = 'ilse-rescues'
    await send(api, 'POST', '/facts', { factId, question: 'How many people did crews rescue from Storm Ilse?', subject: 'Storm Ilse', unit: 'persons', kind: 'count' })
    const update = await send(api, 'POST', '/sources', {
      publisher: 'Coastal Wire', title: 'Ilse rescues rise', publishedAt: day.two, origin: 'coastalwire', tier: 2,
      snapshotText: 'Crews have rescued 21 people, up from 15 on Sunday, the coast guard said.',
    })
    const quote = 'rescued 21 people, up from 15 on Sunday'
    const head = await api.head()
    const earlier = await send(api, 'POST', '/claims', claimOf(update.body.id, factId, '15', quote, { attributedTo: 'the coast guard', validAt: day.two }))
    t.equal(earlier.status, 422)
    t.match(earlier.body.errors, [{ path: 'value', location: 'body' }])
    t.match(earlier.body.detail, /"15" is not what the quote says \("rescued 21 people, up from 15 on Sunday"\): it gives that figure as an earlier one \("up from 15"\); the figure it states is "21"/)
    t.equal(await api.head(), head, 'nothing was written')

    const stated = await send(api, 'POST', '/claims', claimOf(update.body.id, factId, '21', quote, { attributedTo: 'the coast guard', validAt: day.two }))
    t.equal(stated.status, 201)
    const reading = { reason: "Sunday's count, which the update gives as the earlier figure" }
    const sunday = await send(api, 'POST', '/claims', claimOf(update.body.id, factId, '15', quote, { attributedTo: 'the coast guard', validAt: day.one, reading }))
    t.equal(sunday.status, 201, "an editor's reading with a reason may record the earlier figure")
    t.same((await read<{ claim: { reading: unknown } }>(api, `/claims/${sunday.body.id}`)).claim.reading, reading)
  })

  await t.test('an equivalent phrase is accepted: "a dozen" in the quote for 12', async (t) => {
    const factId = 'ilse-shelters'
    await send(api, 'POST', '/facts', { factId, question: 'How many shelters opened for Storm Ilse?', subject: 'Storm Ilse', unit: 'shelters', kind: 'count' })
    const r = await send(api, 'POST', '/claims', claimOf(reprint, factId, '12', 'a dozen shelters opened'))
    t.equal(r.status, 201)
    const claim = await read<{ claim: { value: { text: string }; reading: unknown; citation: { verified: boolean; snapshotVersion: number } } }>(api, `/claims/${r.body.id}`)
    t.match(claim.claim, { value: { text: '12' }, reading: null, citation: { verified: true, snapshotVersion: 0 } })
  })

  await t.test("an editor's reading with a reason is stored, shown on the claim and in the fact view", async (t) => {
    const reason = 'the utility’s outage table lists 4,000 homes; the sentence quoted is the table caption'
    const r = await send(api, 'POST', '/claims', claimOf(wire, homes, '4,000', 'the utility said', { reading: { reason } }))
    t.equal(r.status, 201)
    const claim = await read<{ claim: { reading: { reason: string } } }>(api, `/claims/${r.body.id}`)
    t.same(claim.claim.reading, { reason })
    const view = await read<{ explanation: Array<{ step: string; detail: string }> }>(api, `/facts/${homes}`)
    t.match(view.explanation.find((s) => s.step === 'reading')?.detail, /an editor's reading of the quote, not words it prints: the utility’s outage table/)
  })

  await t.test('a blank reason for a reading is refused like any blank reason', async (t) => {
    const r = await send(api, 'POST', '/claims', claimOf(wire, homes, '4,000', 'the utility said', { reading: { reason: '   ' } }))
    t.equal(r.status, 400)
    t.match(r.body.errors, [{ path: 'reading.reason' }])
  })

  await t.test('a structured value must be consistent with itself; each problem is 400 naming the field', async (t) => {
    const head = await api.head()
    const base = { text: '7', hedge: 'exact', stated: [7], lower: 7, upper: 7, lowerInclusive: true, upperInclusive: true }
    const cases: Array<[string, object, string]> = [
      ['text reads as another number', { ...base, text: '12' }, 'value.stated'],
      ['interval not what the text says', { ...base, lower: 5 }, 'value.lower'],
      ['lower above upper', { ...base, lower: 9, upper: 7, stated: [7] }, 'value.lower'],
      ['a negative count', { text: '-7', hedge: 'exact', stated: [-7], lower: -7, upper: -7, lowerInclusive: true, upperInclusive: true }, 'value.lower'],
      ['a currency on a count', { ...base, unit: 'USD' }, 'value.unit'],
      ['a hedge the text does not have', { ...base, hedge: 'at-least', upper: null }, 'value.hedge'],
    ]
    for (const [name, value, path] of cases) {
      const r = await send(api, 'POST', '/claims', claimOf(wire, deaths, value, 'At least 7 people died'))
      t.equal(r.status, 400, `${name}: 400`)
      t.ok(r.body.errors?.some((e) => e.path === path), `${name}: names ${path} (got ${JSON.stringify(r.body.errors)})`)
    }
    t.equal(await api.head(), head, 'nothing was written')
  })

  await t.test('names made only of whitespace are refused: publisher, origin, subject, attributedTo, via', async (t) => {
    const head = await api.head()
    const source = await send(api, 'POST', '/sources', { publisher: '   ', title: 'T', publishedAt: '2026-02-01', origin: ' ', tier: 2 })
    t.equal(source.status, 400)
    t.same(source.body.errors?.map((e) => e.path).sort(), ['origin', 'publisher'])
    const fact = await send(api, 'POST', '/facts', { question: 'How many trees fell?', subject: '\t ', unit: 'trees', kind: 'count' })
    t.match(fact, { status: 400, body: { errors: [{ path: 'subject' }] } })
    const claim = await send(api, 'POST', '/claims', claimOf(wire, deaths, 'at least 7', 'At least 7 people died', { attributedTo: '  ', via: [' '] }))
    t.equal(claim.status, 400)
    t.same(claim.body.errors?.map((e) => e.path).sort(), ['attributedTo', 'via.0'])
    t.equal(await api.head(), head)
  })

  await t.test('a count fact cannot be defined in a currency', async (t) => {
    const r = await send(api, 'POST', '/facts', { question: 'How many dollars of damage?', subject: 'Storm Ilse', unit: 'USD', kind: 'count' })
    t.match(r, { status: 400, body: { errors: [{ path: 'unit' }] } })
  })

  await t.test('a correction that would leave the value disagreeing with the quote is refused', async (t) => {
    const recorded = await send(api, 'POST', '/claims', claimOf(wire, deaths, 'at least 7', 'At least 7 people died', { attributedTo: 'the fire chief' }))
    t.equal(recorded.status, 201)
    const head = await api.head()
    const r = await send(api, 'POST', `/claims/${recorded.body.id}/corrections`, { reason: 'typo', changes: { value: 'at least 9' } })
    t.equal(r.status, 422)
    t.match(r.body.errors, [{ path: 'changes.value' }])
    t.equal(await api.head(), head)
  })
})
