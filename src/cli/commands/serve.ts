import { parseArgs } from 'node:util'
import { loadConfig } from '../../config.js'
import { startServer } from '../../http/server.js'
import { createLogger } from '../../logger.js'
import { openRuntime } from '../../runtime.js'
import { type CliCommand, println } from '../io.js'

/**
 * `factledger serve [--port N] [--host H] [--db FILE] [--no-demo]`: the HTTP
 * API until SIGTERM / SIGINT. Flags override the environment (PORT, HOST,
 * FACTLEDGER_DB, FACTLEDGER_DEMO), which is validated as for every command.
 */
export const serveCommand: CliCommand = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, 'no-demo': { type: 'boolean', default: false } },
    strict: true,
  })
  const overrides = {
    ...(values.port !== undefined ? { PORT: values.port } : {}),
    ...(values.host !== undefined ? { HOST: values.host } : {}),
    ...(values.db !== undefined ? { FACTLEDGER_DB: values.db } : {}),
    ...(values['no-demo'] ? { FACTLEDGER_DEMO: 'false' } : {}),
  }
  const config = loadConfig({ ...io.env, ...overrides })
  const logger = createLogger(config.LOG_LEVEL)
  const runtime = await openRuntime(config, logger)
  const server = await startServer(runtime, { handleSignals: true })
  println(io.stderr, `factledger API on ${server.url} (interactive docs: ${server.url}/docs); Ctrl-C to stop`)
  await server.closed
  return 0
}
