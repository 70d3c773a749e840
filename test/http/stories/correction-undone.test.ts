import t from 'tap'
import { closeTestApi, createTestApi } from '../harness.js'
import { claimOf, day, read, send, tellStory, wireCorrectedText, wireText } from './storm-story.js'

const homes = 'ilse-homes-without-power'
type View = { value: unknown; display: string; status: string; origins: number; supporting: string[]; superseded: string[]; conflicting: string[]; excluded: unknown[]; explanation: Array<{ step: string; detail: string }> }
/** What a view says about the figure (the explanation also tells the story of the corrections). */
const figure = ({ value, display, status, origins, supporting, superseded, conflicting, excluded }: View) => ({ value, display, status, origins, supporting, superseded, conflicting, excluded })

t.test('a source correction the outlet later takes back: each publication date shows what was public then, and the end is the start again (HTTP)', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const { wire } = await tellStory(api)
  const claim = await send(api, 'POST', '/claims', claimOf(wire, homes, '4,000', 'left 4,000 homes without power'))
  t.equal(claim.status, 201)
  const before = await read<View>(api, `/facts/${homes}`)
  const beforeAt = await api.head()

  // Day 4: the outlet corrects 4,000 to 400. Day 6: it withdraws that correction, its first figure was right.
  const restoredText = `${wireText} Editor's note: a correction published on 4 February was itself wrong and has been withdrawn.`
  t.equal((await send(api, 'POST', `/sources/${wire}/revisions`, { revisedAt: day.four, snapshotText: wireCorrectedText, note: 'corrected to 400' })).status, 200)
  const first = await send(api, 'POST', `/claims/${claim.body.id}/corrections`, { reason: 'the outlet corrected the figure', sourceRevision: 1, changes: { value: '400', citation: { quote: 'left 400 homes without power' } } })
  t.equal(first.status, 200)
  t.equal((await send(api, 'POST', `/sources/${wire}/revisions`, { revisedAt: '2026-02-06', snapshotText: restoredText, note: 'the correction withdrawn' })).status, 200)
  const second = await send(api, 'POST', `/claims/${claim.body.id}/corrections`, { reason: 'the outlet withdrew its correction', sourceRevision: 2, changes: { value: '4,000', citation: { quote: 'left 4,000 homes without power' } } })
  t.equal(second.status, 200, JSON.stringify(second.body))

  const knownAt = (d: string) => read<View>(api, `/facts/${homes}?knownAt=${d}`)
  t.same(figure(await knownAt(day.two)), figure(await read<View>(api, `/facts/${homes}?knownAt=${day.two}&asOf=${beforeAt}`)), 'before the first correction was public: as the ledger said before either was recorded')
  t.match(await knownAt(day.five), { display: '400' }, 'between the two: the corrected figure')
  t.match((await knownAt(day.five)).explanation.map((s) => s.detail), [/applies from 2026-02-04/, /The source's correction of "400" .*published 2026-02-06, was not yet public at 2026-02-05/])
  const after = await read<View>(api, `/facts/${homes}`)
  t.same(figure(after), figure(before), 'now: exactly the figure, status, supporting claims and exclusions it had before the corrections')
  t.same(figure(await knownAt('2026-02-07')), figure(before))
  t.same((await read<{ claim: { citation: { snapshotVersion: number } } }>(api, `/claims/${claim.body.id}`)).claim.citation.snapshotVersion, 0, 'the restored quote is the one first printed')
})
