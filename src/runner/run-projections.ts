import type { Logger } from 'pino'
import type { Backend } from '../store/open-backend.js'
import type { ProjectionRunner } from './projection-runner.js'

/**
 * Keep the read model live for as long as the process runs. With a lease
 * (PostgreSQL, several app processes), only its holder folds events; the
 * others stand by and take over when the holder dies. Returns a stop function.
 */
export function runProjections(backend: Backend, runner: ProjectionRunner, logger: Logger): () => Promise<void> {
  const stopping = new AbortController()
  const log = logger.child({ component: 'projections' })
  const lead = async () => {
    await runner.init()
    await runner.catchUp()
    runner.start()
  }
  const loop = (async () => {
    if (!backend.waitForRunnerLease) return lead()
    while (!stopping.signal.aborted) {
      let lease
      try {
        lease = await backend.waitForRunnerLease(stopping.signal)
      } catch (err) {
        if (stopping.signal.aborted) return
        // The database is unreachable for now: try again shortly rather than give up the role.
        log.error({ err }, 'cannot take the runner lease; retrying')
        await new Promise((r) => setTimeout(r, 1000))
        continue
      }
      if (!lease.held) return
      log.info('holding the runner lease; projecting')
      try {
        await lead()
        await new Promise<void>((resolve) => {
          if (lease.lost.aborted || stopping.signal.aborted) return resolve()
          lease.lost.addEventListener('abort', () => resolve(), { once: true })
          stopping.signal.addEventListener('abort', () => resolve(), { once: true })
        })
      } finally {
        await runner.stop()
        await lease.release()
      }
      if (!stopping.signal.aborted) log.warn('runner lease lost; standing by to take it again')
    }
  })()
  return async () => {
    stopping.abort()
    await runner.stop()
    await loop.catch((err) => log.error({ err }, 'projection loop failed'))
  }
}
