import { connect } from 'node:net'
import t from 'tap'
import { headersTimeoutOptions } from '../../../src/http/app.js'
import { closeTestApi, createTestApi } from '../harness.js'

/**
 * A slowloris: sends a request's headers one line at a time and never ends
 * them. Resolves with what the server answered and when the socket closed.
 */
function slowHeaders(port: number, giveUpMs: number): Promise<{ answer: string; heldMs: number }> {
  return new Promise((resolve, reject) => {
    const opened = performance.now()
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    let line = 0
    const drip = setInterval(() => socket.writable && socket.write(`x-drip-${line++}: ${line}\r\n`), 200)
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs)
    socket.on('connect', () => socket.write('GET /facts HTTP/1.1\r\nhost: localhost\r\n'))
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')))
    socket.on('error', reject)
    socket.on('close', () => {
      clearInterval(drip)
      clearTimeout(giveUp)
      resolve({ answer, heldMs: performance.now() - opened })
    })
  })
}

t.test('headers sent too slowly get a 408 problem once FACTLEDGER_HEADERS_TIMEOUT has passed', async (t) => {
  const api = await createTestApi({ FACTLEDGER_HEADERS_TIMEOUT: '1' })
  t.teardown(() => closeTestApi(api))
  await api.app.listen({ host: '127.0.0.1', port: 0 })
  const port = (api.app.server.address() as { port: number }).port
  t.equal(api.app.server.headersTimeout, 1000, 'the configured limit reaches the HTTP server')
  // Node's default (60 s, checked every 30 s) would still hold the socket when the client gives up.
  const { answer, heldMs } = await slowHeaders(port, 20_000)
  t.match(answer, /^HTTP\/1\.1 408 /, 'answered 408, not dropped or left open')
  t.match(answer, /application\/problem\+json/)
  t.match(answer, /"code":"RequestTimeout"/)
  t.ok(heldMs < 20_000, `the server closed the socket itself (after ${Math.round(heldMs)} ms), before the client gave up`)
})

t.test('the check interval follows the limit: a third of it, at most 5 s', async (t) => {
  t.same(headersTimeoutOptions(15_000), { headersTimeout: 15_000, connectionsCheckingInterval: 5_000 })
  t.same(headersTimeoutOptions(1_000), { headersTimeout: 1_000, connectionsCheckingInterval: 334 })
})
