import type { Logger } from 'pino'
import type { ProjectionRunner } from './projection-runner.js'

/**
 * Where several app processes share one database, only the holder of this
 * lease may run the projections (PostgreSQL offers it; embedded SQLite has one
 * process by construction).
 */
export type WaitForRunnerLease = (
  onStandby: (attempt: number) => void,
  signal: AbortSignal,
) => Promise<{ held: boolean; lost: AbortSignal; release(): Promise<void> }>

export interface RunningProjections {
  /** Settles once this process has caught up and follows the log live, or knows another process does. */
  ready: Promise<void>
  stop(): Promise<void>
}

/**
 * Keep the read model live for as long as the process runs. With a lease
 * (PostgreSQL, several app processes), only its holder folds events; the
 * others stand by and take over when the holder dies.
 */
export function runProjections(backend: { waitForRunnerLease?: WaitForRunnerLease | undefined }, runner: ProjectionRunner, logger: Logger): RunningProjections {
  const stopping = new AbortController()
  const log = logger.child({ component: 'projections' })
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const lead = async () => {
    const state = await runner.init()
    await runner.catchUp()
    runner.start()
    log.info({ readModel: state, position: runner.position().toString() }, 'projections live')
    markReady()
  }
  const waitForLease = backend.waitForRunnerLease
  const loop = (async () => {
    if (!waitForLease) return lead()
    while (!stopping.signal.aborted) {
      let lease
      try {
        lease = await waitForLease((attempt) => attempt === 1 && markReady(), stopping.signal)
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
  loop.catch(() => {}).finally(markReady)
  return {
    ready,
    async stop() {
      stopping.abort()
      await runner.stop()
      await loop.catch((err) => log.error({ err }, 'projection loop failed'))
    },
  }
}
