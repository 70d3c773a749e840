import t from 'tap'
import { closeTestApi, createTestApi, jsonWrite } from '../harness.js'

const fact = { question: 'How many officials were sanctioned?', subject: 'US sanctions', unit: 'persons', kind: 'count' }

t.test('/ready is 503 while projections retry a failed batch, naming the stuck position, the event and the error', async (t) => {
  const api = await createTestApi({}, { readYourWritesTimeoutMs: 50 })
  t.teardown(() => closeTestApi(api))
  const { readModel, runner } = api.runtime
  const commit = readModel.commit.bind(readModel)
  let broken = true
  readModel.commit = async (batch) => {
    if (broken) throw new Error('constraint failed (injected)')
    return commit(batch)
  }
  const write = await api.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: fact })
  t.equal(write.statusCode, 201, 'the write is stored and acknowledged')
  t.equal(write.headers['factledger-projection'], 'pending', 'and says it is not visible yet')
  while (runner.health().failure?.event == null) await new Promise((r) => setTimeout(r, 5))
  const ready = await api.app.inject({ url: '/ready' })
  t.equal(ready.statusCode, 503)
  const body = ready.json()
  t.match(body, {
    status: 'not-ready',
    projectedPosition: '0',
    projection: { state: 'retrying', failure: { event: { id: write.json().eventId, position: '1', type: 'FactDefined' }, error: 'constraint failed (injected)' } },
    reason: new RegExp(`stuck at event ${write.json().eventId}`),
  })
  t.ok(api.logs.some((l) => l.includes('an event fails to project') && l.includes(write.json().eventId)), 'the log names the event')
  broken = false
  t.equal(await runner.waitFor(1n, 60_000), true)
  t.equal((await api.app.inject({ url: `/facts/${write.json().id}` })).statusCode, 200, 'the acknowledged fact is readable once projected')
  t.match((await api.app.inject({ url: '/ready' })).json(), { status: 'ready', projection: { state: 'following', failure: null } })
})
