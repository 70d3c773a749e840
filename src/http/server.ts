import type { FastifyInstance } from 'fastify'
import type { Runtime } from '../runtime.js'
import { runProjections } from '../runner/run-projections.js'
import { type AppOptions, buildApp } from './app.js'

export interface RunningServer {
  app: FastifyInstance
  /** e.g. http://127.0.0.1:3000 */
  url: string
  /** Stop accepting, end live feeds, finish in-flight requests, then stop the runner and close the store. Idempotent. */
  close(): Promise<void>
  /** Settles when the server has shut down (by close() or a signal). */
  closed: Promise<void>
}

export interface ServerOptions {
  app?: AppOptions
  /** Shut down gracefully on SIGTERM / SIGINT (the CLI does; tests call close()). */
  handleSignals?: boolean
}

/**
 * Bring the read model up to date, load the demo corpus into an empty ledger
 * (unless FACTLEDGER_DEMO=false) so a first run shows real facts, follow the
 * log live, and listen on HOST:PORT. The server owns the runtime from here:
 * closing the server closes it.
 */
export async function startServer(runtime: Runtime, options: ServerOptions = {}): Promise<RunningServer> {
  const log = runtime.logger
  if (runtime.config.FACTLEDGER_DEMO && (await runtime.store.headPosition()) === 0n) {
    // Loaded lazily: the fixture is only needed on a first run. Its commands are
    // idempotent, so two instances starting on one empty database load it once.
    const { loadDemo } = await import('../demo/load-demo.js')
    const loaded = await loadDemo(runtime.ledger)
    log.info(loaded, 'the ledger was empty: demo corpus loaded (FACTLEDGER_DEMO=false to start empty)')
  }
  // Only one process per database folds events (a PostgreSQL lease); the rest stand by.
  const projections = runProjections(runtime, runtime.runner, log)
  await projections.ready
  const app = await buildApp(runtime, options.app)
  let url: string
  try {
    url = await app.listen({ host: runtime.config.HOST, port: runtime.config.PORT })
  } catch (err) {
    await app.close()
    await projections.stop()
    await runtime.close()
    throw err
  }
  log.info({ url, store: runtime.store.kind, position: runtime.runner.position().toString() }, 'factledger API listening')
  // A ledger that predates the stored tree (or grew while the server was down) has its tree caught up
  // now rather than on the first proof request, which would otherwise wait for all of it.
  let stopping = false
  runtime.tree.catchUp().catch((err: unknown) => {
    if (!stopping) log.error({ err }, 'catching the stored Merkle tree up failed; proofs will retry it')
  })

  let finished!: () => void
  const closed = new Promise<void>((resolve) => (finished = resolve))
  let closing: Promise<void> | null = null
  const onSignal = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutting down: finishing in-flight requests')
    close().catch((err: unknown) => {
      log.error({ err }, 'shutdown failed')
      process.exitCode = 1
    })
  }
  function close(): Promise<void> {
    closing ??= (async () => {
      stopping = true
      process.off('SIGTERM', onSignal)
      process.off('SIGINT', onSignal)
      try {
        // app.close() waits for in-flight requests, and a write replies only once projected,
        // so the runner and the store must stay open until it returns.
        await app.close()
      } finally {
        await projections.stop()
        await runtime.close()
        log.info('factledger API stopped')
        finished()
      }
    })()
    return closing
  }
  if (options.handleSignals) {
    process.once('SIGTERM', onSignal)
    process.once('SIGINT', onSignal)
  }
  return { app, url, close, closed }
}
