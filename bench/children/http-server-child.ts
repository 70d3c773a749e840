import { readFileSync } from 'node:fs'
import Fastify from 'fastify'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { openRuntime } from '../../src/runtime.js'
import { startServer } from '../../src/http/server.js'

/**
 * The server side of httpGetFact, in its own process so the load generator
 * (autocannon, in the parent) does not share its event loop:
 *   http-server-child.ts product <ledger.db>   the real API (startServer, as `factledger serve`)
 *   http-server-child.ts bare    <view.json>   a bare fastify route returning that JSON from memory
 * Prints { url } when listening; stops on SIGTERM.
 */
const [mode, path] = process.argv.slice(2)
if ((mode !== 'product' && mode !== 'bare') || !path) {
  process.stderr.write('usage: http-server-child.ts product <ledger.db> | bare <view.json>\n')
  process.exit(2)
}

let close: () => Promise<void>
if (mode === 'product') {
  const env = { ...process.env, FACTLEDGER_STORE: 'sqlite', FACTLEDGER_DB: path, PORT: '0', HOST: '127.0.0.1', FACTLEDGER_DEMO: 'false', LOG_LEVEL: 'silent' }
  const config = loadConfig(env)
  const runtime = await openRuntime(config, createLogger('silent'))
  // The rate limit stays on (its cost is part of every request) but high enough never to answer 429 here.
  const server = await startServer(runtime, { app: { rateLimitPerMinute: 1e9 } })
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
  close = server.close
} else {
  const view = JSON.parse(readFileSync(path, 'utf8')) as unknown
  const app = Fastify()
  app.get('/facts/:id', async () => view)
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  process.stdout.write(`${JSON.stringify({ url })}\n`)
  close = () => app.close()
}
process.once('SIGTERM', () => {
  close().then(() => process.exit(0), () => process.exit(1))
})
