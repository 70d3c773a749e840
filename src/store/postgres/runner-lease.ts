import type pg from 'pg'
import { toStoreError } from './pg-errors.js'

export interface RunnerLease {
  /** true when this process is now the one active runner for `name`. */
  readonly held: boolean
  /** Aborts when a held lease is lost (its connection died): the runner must stop writing. */
  readonly lost: AbortSignal
  /** Gives the lease up (unlocks and returns the connection). Idempotent. */
  release(): Promise<void>
}

export interface LeaseOptions {
  /** How often the held lease's connection is checked (default 5000 ms). */
  heartbeatMs?: number
}

/**
 * Exactly one projection runner across all app processes on one database:
 * a session-level `pg_try_advisory_lock` on a connection kept out of the
 * pool for as long as the lease is held. PostgreSQL drops the lock when that
 * session ends, so a runner that dies (even kill -9, or its host vanishing
 * once TCP notices) hands the lease over without anyone cleaning up, and
 * there is no expiry clock to tune.
 *
 * The key comes from the name via hashtextextended, so different runner names
 * (e.g. per projection) do not exclude each other.
 */
export async function acquireRunnerLease(pool: pg.Pool, name: string, options: LeaseOptions = {}): Promise<RunnerLease> {
  let client: pg.PoolClient
  try {
    client = await pool.connect()
  } catch (error) {
    throw toStoreError(error, 'cannot reach PostgreSQL for the runner lease')
  }
  const lost = new AbortController()
  let released = false
  const onError = (error: Error) => {
    if (!lost.signal.aborted) lost.abort(error)
  }
  client.on('error', onError)
  // A session ended by the server (pg_terminate_backend, a restart) may close the
  // socket without an 'error' event: that is a lost lease too.
  const onEnd = () => onError(new Error('runner lease connection ended'))
  client.on('end', onEnd)

  let held: boolean
  try {
    const result = await client.query<{ held: boolean }>(
      "SELECT pg_try_advisory_lock(hashtextextended('factledger-runner:' || $1, 0)) AS held",
      [name],
    )
    held = result.rows[0]!.held
  } catch (error) {
    client.off('error', onError)
    client.off('end', onEnd)
    client.release(error as Error)
    throw toStoreError(error, 'cannot take the runner lease')
  }

  if (!held) {
    client.off('error', onError)
    client.off('end', onEnd)
    client.release()
    return notHeld()
  }

  // A query on the lease's own connection is the only way to notice it died while idle.
  const heartbeat = setInterval(() => {
    client.query('SELECT 1').catch(onError)
  }, options.heartbeatMs ?? 5000)
  heartbeat.unref()

  return {
    held: true,
    lost: lost.signal,
    async release() {
      if (released) return
      released = true
      clearInterval(heartbeat)
      client.off('error', onError)
      client.off('end', onEnd)
      if (lost.signal.aborted) {
        client.release(new Error('runner lease connection lost'))
        return
      }
      try {
        await client.query("SELECT pg_advisory_unlock(hashtextextended('factledger-runner:' || $1, 0))", [name])
        client.release()
      } catch (error) {
        // Destroying the connection ends the session, which releases the lock anyway.
        client.release(error as Error)
      }
    },
  }
}

function notHeld(): RunnerLease {
  return { held: false, lost: AbortSignal.abort(new Error('runner lease not held')), release: async () => {} }
}

export interface WaitForLeaseOptions extends LeaseOptions {
  /** Pause between attempts (default 2000 ms). */
  retryMs?: number
  /** Stops waiting; the promise then resolves with a lease that is not held. */
  signal?: AbortSignal
  /** Called after each failed attempt (for a "standing by" log line). */
  onStandby?: (attempt: number) => void
}

/** Stand by until the lease is free, then hold it: how a second runner takes over from a dead first. */
export async function waitForRunnerLease(pool: pg.Pool, name: string, options: WaitForLeaseOptions = {}): Promise<RunnerLease> {
  for (let attempt = 1; ; attempt++) {
    const lease = await acquireRunnerLease(pool, name, options)
    if (lease.held || options.signal?.aborted) return lease
    options.onStandby?.(attempt)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.retryMs ?? 2000)
      function done() {
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', done)
        resolve()
      }
      options.signal?.addEventListener('abort', done, { once: true })
    })
    if (options.signal?.aborted) return notHeld()
  }
}
