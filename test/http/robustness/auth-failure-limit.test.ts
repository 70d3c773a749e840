import t from 'tap'
import { bearer, closeTestApi, createTestApi, keys } from '../harness.js'

const wrong = { authorization: 'Bearer wrong-key-that-is-long-enough' }

t.test('wrong API keys from one address are limited: 429 with Retry-After past the limit, even for a right key, and each failure is logged', async (t) => {
  const api = await createTestApi({}, { authFailuresPerMinute: 5, rateLimitPerMinute: 10_000 })
  t.teardown(() => closeTestApi(api))
  const statuses: number[] = []
  for (let i = 0; i < 400; i++) statuses.push((await api.app.inject({ url: '/facts', headers: wrong, remoteAddress: '198.51.100.7' })).statusCode)
  t.same(statuses.slice(0, 6), [401, 401, 401, 401, 401, 429])
  t.equal(statuses.filter((s) => s === 429).length, 395)
  const right = await api.app.inject({ url: '/facts', headers: bearer('reader'), remoteAddress: '198.51.100.7' })
  t.equal(right.statusCode, 429, 'a blocked address cannot try the right key either')
  t.match(right.headers['content-type'], /^application\/problem\+json/)
  t.ok(Number(right.headers['retry-after']) >= 1, 'Retry-After in seconds')
  t.equal((await api.app.inject({ url: '/facts', headers: bearer('reader'), remoteAddress: '203.0.113.9' })).statusCode, 200, 'another address is not blocked')
  t.equal((await api.app.inject({ url: '/facts', remoteAddress: '198.51.100.7' })).statusCode, 200, 'a public read without a key is not refused')
  const failures = api.logs.filter((l) => l.includes('authentication failed')).map((l) => JSON.parse(l) as Record<string, unknown>)
  t.equal(failures.length, 6, 'every counted failure is logged, up to the one that blocks (blocked requests are not counted again)')
  t.match(failures[5], { level: 40, clientAddress: '198.51.100.7', failures: 6 })
  t.equal(api.logs.filter((l) => l.includes('address blocked')).length, 1, 'the block itself is logged once')
  t.notMatch(api.logs.join('\n'), /wrong-key-that-is-long-enough/, 'the wrong key itself is not logged')
  t.notMatch(api.logs.join('\n'), keys.reader)
})
