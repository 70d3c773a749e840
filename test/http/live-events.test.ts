import t, { type Test } from 'tap'
import { EventLine } from '../../src/interchange/ndjson-event.js'
import { closeTestApi, createTestApi, jsonWrite, seed, type TestApi } from './harness.js'
import { connectSse } from './sse-client.js'

/** Over a real socket: the live feed as an EventSource sees it. */
async function listening(t: Test, options = {}): Promise<{ api: TestApi; url: string }> {
  const api = await createTestApi({}, options)
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const url = await api.app.listen({ host: '127.0.0.1', port: 0 })
  return { api, url }
}

const defineFact = (api: TestApi, factId: string) =>
  api.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: { factId, question: `How many ${factId}?`, subject: factId, unit: 'persons', kind: 'count' } })

t.test('catch-up from ?from=, then live events, each framed with its position', async (t) => {
  const { api, url } = await listening(t)
  const feed = await connectSse(`${url}/events/live?from=5`)
  t.teardown(() => feed.close())
  t.equal(feed.status, 200)
  t.match(feed.headers.get('content-type'), /^text\/event-stream/)
  t.ok(feed.headers.get('x-request-id'), 'request id header on the stream')
  for (const position of ['6', '7']) {
    const frame = await feed.nextEvent()
    t.equal(frame?.id, position)
    t.equal(frame?.event, 'ledger-event')
    const line = EventLine.parse(JSON.parse(frame!.data!))
    t.equal(line.position, position)
  }
  t.equal((await defineFact(api, 'live-fact-one')).statusCode, 201)
  const live = await feed.nextEvent()
  t.equal(live?.id, '8')
  t.match(JSON.parse(live!.data!), { type: 'FactDefined', data: { factId: 'live-fact-one' } })
})

t.test('a reconnect with Last-Event-ID receives exactly the events it missed', async (t) => {
  const { api, url } = await listening(t)
  const first = await connectSse(`${url}/events/live?from=0`)
  const seen: string[] = []
  for (let i = 0; i < 4; i++) seen.push((await first.nextEvent())!.id!)
  first.close()
  t.same(seen, ['1', '2', '3', '4'])
  // Written while disconnected.
  await defineFact(api, 'missed-one')
  await defineFact(api, 'missed-two')
  const again = await connectSse(`${url}/events/live`, { 'last-event-id': '4' })
  t.teardown(() => again.close())
  const resumed: string[] = []
  for (let i = 0; i < 5; i++) resumed.push((await again.nextEvent())!.id!)
  t.same(resumed, ['5', '6', '7', '8', '9'], 'the rest of the log, no duplicates, no gaps')
  await defineFact(api, 'after-reconnect')
  t.equal((await again.nextEvent())?.id, '10')
})

t.test('without a position the feed starts at the head', async (t) => {
  const { api, url } = await listening(t)
  const feed = await connectSse(`${url}/events/live`)
  t.teardown(() => feed.close())
  const opening = await feed.next()
  t.same(opening?.comments, ['from 7'])
  await defineFact(api, 'first-live')
  t.equal((await feed.nextEvent())?.id, '8')
})

t.test('heartbeats are comment frames', async (t) => {
  const { url } = await listening(t, { heartbeatMs: 5 })
  const feed = await connectSse(`${url}/events/live`)
  t.teardown(() => feed.close())
  await feed.next()
  const frame = await feed.next()
  t.same(frame, { comments: ['heartbeat'] })
})

t.test('the server ends the feed when the client disconnects', async (t) => {
  const { api, url } = await listening(t)
  const feed = await connectSse(`${url}/events/live?from=0`)
  await feed.nextEvent()
  const closedLogged = api.waitForLog(/live feed closed/)
  feed.close()
  // The server noticed and ended the subscription (the run times out if it never does).
  t.match(JSON.parse(await closedLogged), { msg: 'live feed closed' })
})

t.test('closing the server ends open feeds, and close() returns', async (t) => {
  const api = await createTestApi()
  await seed(api.runtime)
  const url = await api.app.listen({ host: '127.0.0.1', port: 0 })
  const feed = await connectSse(`${url}/events/live?from=7`)
  await feed.next()
  await api.app.close()
  t.equal(await feed.next(), null, 'the stream ended')
  await api.runtime.close()
})

t.test('a Last-Event-ID that is not a position is 400', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const res = await api.app.inject({ url: '/events/live', headers: { 'last-event-id': 'abc' } })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { errors: [{ location: 'headers', path: 'last-event-id' }] })
})
