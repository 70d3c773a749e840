import pg from 'pg'
import type { StoreLogger } from './logger.js'
import { EVENTS_CHANNEL } from './append-group.js'

export interface ChangeSignal {
  /** Bumped on every commit notification; compare before and after a read. */
  readonly generation: number
  /**
   * Resolves when a notification arrives after `generation` was read, when
   * `pollMs` has passed (the fallback for a missed or lost notification),
   * when `signal` aborts, or when the signal is closed.
   */
  waitForChange(generation: number, pollMs: number, signal?: AbortSignal): Promise<void>
  close(): Promise<void>
}

/**
 * One LISTEN connection per store, shared by all its subscribers and opened
 * on first use. NOTIFY is only a wake-up: the subscriber re-reads the table,
 * so a lost notification (listener reconnecting, server restart) costs at
 * most one polling interval, never an event.
 */
export function createChangeSignal(connectionString: string, logger: StoreLogger): ChangeSignal {
  let generation = 0
  let listener: pg.Client | null = null
  let connecting: Promise<void> | null = null
  let closed = false
  const waiters = new Set<() => void>()

  function wakeAll(): void {
    generation += 1
    for (const wake of [...waiters]) wake()
  }

  function ensureListening(): void {
    if (listener || connecting || closed) return
    const client = new pg.Client({ connectionString })
    client.on('notification', wakeAll)
    client.on('error', (error) => {
      logger.warn({ err: error }, 'event listener connection lost; polling until it is back')
      if (listener === client) listener = null
      client.end().catch(() => undefined)
    })
    connecting = client
      .connect()
      .then(() => client.query(`LISTEN ${EVENTS_CHANNEL}`))
      .then(() => {
        if (closed) return void client.end().catch(() => undefined)
        listener = client
        // Anything committed while we were connecting is caught by the subscriber's re-read.
        wakeAll()
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'cannot LISTEN for new events; polling instead')
        client.end().catch(() => undefined)
      })
      .finally(() => {
        connecting = null
      })
  }

  return {
    get generation() {
      return generation
    },
    waitForChange(since, pollMs, signal) {
      ensureListening()
      if (closed || signal?.aborted || generation !== since) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer)
          waiters.delete(done)
          signal?.removeEventListener('abort', done)
          resolve()
        }
        const timer = setTimeout(done, pollMs)
        waiters.add(done)
        signal?.addEventListener('abort', done, { once: true })
      })
    },
    async close() {
      closed = true
      for (const wake of [...waiters]) wake()
      await connecting
      const client = listener
      listener = null
      await client?.end().catch(() => undefined)
    },
  }
}
