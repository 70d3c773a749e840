import t from 'tap'
import { redactUrl } from '../../../src/http/log-redaction.js'
import { closeTestApi, createTestApi, ids, seed } from '../harness.js'

t.test('credentials in the query string never reach a log line, on success, refusal and unknown routes', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const secrets = ['s3cret-api-key-value-0001', 's3cret-access-token-0002', 's3cret-token-0003', 's3cret-apikey-0004']
  const urls = [
    `/facts?api_key=${secrets[0]}`,
    `/facts/${ids.fact}?access_token=${secrets[1]}&asOf=1`,
    `/no-such-route?token=${secrets[2]}`,
    `/events?limit=2&apiKey=${secrets[3]}`,
  ]
  for (const url of urls) await api.app.inject({ method: 'GET', url })
  const all = api.logs.join('\n')
  t.same(secrets.filter((s) => all.includes(s)), [], 'secrets found in the logs')
  t.match(all, /api_key=\[redacted\]/, 'the parameter is still named, with its value redacted')
})

t.test('redactUrl keeps every other parameter as sent', async (t) => {
  t.equal(redactUrl('/facts?limit=2&API_KEY=x&q=a%20b&access_token=y'), '/facts?limit=2&API_KEY=[redacted]&q=a%20b&access_token=[redacted]')
  t.equal(redactUrl('/facts'), '/facts')
})
