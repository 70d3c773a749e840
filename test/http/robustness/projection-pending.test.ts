import t from 'tap'
import { closeTestApi, createTestApi, jsonWrite } from '../harness.js'

const fact = { question: 'How many officials were sanctioned?', subject: 'US sanctions', unit: 'persons', kind: 'count' }

t.test('a write whose read model did not catch up in time says so: factledger-projection: pending', async (t) => {
  const api = await createTestApi({}, { readYourWritesTimeoutMs: 60_000 })
  t.teardown(() => closeTestApi(api))
  // The runner gives up waiting (its own timeout) long before the app's: that "no" must reach the client.
  const runner = api.runtime.runner
  api.runtime.runner = { ...runner, waitFor: async () => false }
  const res = await api.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: fact })
  t.equal(res.statusCode, 201)
  t.equal(res.headers['factledger-projection'], 'pending')
})

t.test('a write the read model reflects has no pending header', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const res = await api.app.inject({ method: 'POST', url: '/facts', headers: jsonWrite('editor'), payload: fact })
  t.equal(res.statusCode, 201)
  t.equal(res.headers['factledger-projection'], undefined)
})
