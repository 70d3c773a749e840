import pg from 'pg'
import type { EventStore } from '../port.js'
import { StoreUnavailableError } from '../port.js'
import { createAppendQueue } from './append-queue.js'
import { createChangeSignal } from './change-signal.js'
import { silentLogger, type StoreLogger } from './logger.js'
import { migratePostgres } from './migrate.js'
import { toStoreError } from './pg-errors.js'
import { readAll, readPositions, readStream } from './read-events.js'
import { subscribeToAll } from './subscribe.js'
import { prepareAppend } from '../shared/prepare-append.js'

export interface PostgresEventStoreOptions {
  connectionString: string
  logger?: StoreLogger
  /** Connections in the pool (default 10). */
  poolSize?: number
  /** How often a live subscription re-reads when no NOTIFY woke it (default 1000 ms). */
  pollIntervalMs?: number
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean
}

/** The port plus the pool, so the read model and runner lease share its connections. */
export interface PostgresEventStore extends EventStore {
  readonly kind: 'postgres'
  readonly pool: pg.Pool
}

/**
 * The PostgreSQL adapter. Async because it connects and migrates up front:
 * a wrong DATABASE_URL fails at start-up, not at the first request.
 */
export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  const logger = options.logger ?? silentLogger
  const pollMs = options.pollIntervalMs ?? 1000
  if (options.migrate ?? true) {
    const report = await migratePostgres(options.connectionString)
    if (report.applied.length > 0) logger.info({ applied: report.applied }, 'postgres migrations applied')
  }
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 })
  // An idle connection dying (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle postgres connection lost'))
  const queue = createAppendQueue(pool)
  const changes = createChangeSignal(options.connectionString, logger)
  let closed = false

  function assertOpen(): void {
    if (closed) throw new StoreUnavailableError('the PostgreSQL event store is closed')
  }

  return {
    kind: 'postgres',
    pool,
    async append(stream, events, appendOptions) {
      assertOpen()
      // Bad arguments are the caller's bug: refused here, before anything is queued.
      const prepared = prepareAppend(stream, events, appendOptions?.expectedRevision)
      return queue.append({ stream, events: prepared, expectedRevision: appendOptions.expectedRevision })
    },
    readStream(stream, readOptions) {
      assertOpen()
      return readStream(pool, stream, readOptions)
    },
    readAll(readOptions) {
      assertOpen()
      return readAll(pool, readOptions)
    },
    readPositions(positions) {
      assertOpen()
      return readPositions(pool, positions)
    },
    subscribeToAll(subscribeOptions) {
      assertOpen()
      return subscribeToAll(pool, changes, subscribeOptions, () => closed, pollMs)
    },
    async headPosition() {
      assertOpen()
      try {
        const result = await pool.query<{ max: string }>('SELECT coalesce(max(position), 0) AS max FROM events')
        return BigInt(result.rows[0]!.max)
      } catch (error) {
        throw toStoreError(error, 'cannot read the head position from PostgreSQL')
      }
    },
    async streamHead(stream) {
      assertOpen()
      try {
        // An index-only scan of (stream, revision): the same table readStream reads, so never ahead of it.
        const result = await pool.query<{ max: string | null }>('SELECT max(revision) AS max FROM events WHERE stream = $1', [stream])
        const max = result.rows[0]!.max
        return max === null ? null : BigInt(max)
      } catch (error) {
        throw toStoreError(error, 'cannot read a stream head from PostgreSQL')
      }
    },
    async close() {
      if (closed) return
      closed = true
      await queue.drained()
      await changes.close()
      await pool.end()
    },
  }
}
