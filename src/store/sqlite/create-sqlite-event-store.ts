import { EventEmitter } from 'node:events'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { type Logger, pino } from 'pino'
import type { NewEvent } from '../../../events/envelope.js'
import type { AppendOptions, AppendResult, EventStore } from '../port.js'
import { StoreUnavailableError } from '../port.js'
import { type GroupCommitStats, createGroupCommit } from './group-commit.js'
import { migrate } from './migrate.js'
import { type SqliteDatabase, openDatabase } from './open-database.js'
import { createEventReader } from './read-events.js'
import { subscribeToAll } from './subscribe.js'
import { prepareAppend } from '../shared/prepare-append.js'

export interface SqliteEventStoreOptions {
  /** The ledger file; its directory is created when missing. */
  path: string
  logger?: Logger
  /** How often an idle subscription looks for commits by other processes sharing the file. Default 200. */
  pollIntervalMs?: number
}

/** The SQLite event store, plus what only this backend has. */
export interface SqliteStore extends EventStore {
  readonly kind: 'sqlite'
  /** The open connection (read models share it, so their commits and checkpoints are one transaction). */
  readonly database: SqliteDatabase
  /** Group-commit counters since open. */
  stats(): GroupCommitStats
}

/** Open (creating and migrating when needed) the embedded SQLite event store. */
export async function createSqliteEventStore(options: SqliteEventStoreOptions): Promise<SqliteStore> {
  const logger = (options.logger ?? pino({ enabled: false })).child({ store: 'sqlite' })
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true })
  const db = openDatabase(options.path)
  let closed = false
  try {
    const applied = migrate(db)
    if (applied.length > 0) logger.info({ path: options.path, applied }, 'migrated')
  } catch (error) {
    db.close()
    throw error
  }
  const assertOpen = () => {
    if (closed) throw new StoreUnavailableError('the SQLite store is closed')
  }
  const commits = new EventEmitter().setMaxListeners(0)
  const reader = createEventReader(db, assertOpen)
  const groupCommit = createGroupCommit(db, { logger, onCommit: () => commits.emit('commit') })

  return {
    kind: 'sqlite',
    database: db,

    async append(stream: string, events: NewEvent[], appendOptions: AppendOptions): Promise<AppendResult> {
      assertOpen()
      const prepared = prepareAppend(stream, events, appendOptions?.expectedRevision)
      return groupCommit.enqueue({ stream, events: prepared, expectedRevision: appendOptions.expectedRevision })
    },

    readStream: reader.readStream,
    readAll: reader.readAll,

    subscribeToAll: subscribeOptions =>
      subscribeToAll(
        { readPage: reader.readPage, commits, isClosed: () => closed, pollIntervalMs: options.pollIntervalMs ?? 200 },
        subscribeOptions,
      ),

    async headPosition() {
      return reader.headPosition()
    },

    async streamHead(stream: string) {
      return reader.streamHead(stream)
    },

    async readPositions(positions: readonly bigint[]) {
      return reader.readPositions(positions)
    },

    stats: groupCommit.stats,

    async close() {
      if (closed) return
      // Appends already accepted are written, not dropped.
      groupCommit.flushNow()
      closed = true
      commits.emit('close')
      db.close()
    },
  }
}
