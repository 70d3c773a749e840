import type { Logger } from 'pino'
import { type AppendResult, StoreUnavailableError } from '../port.js'
import type { SqliteDatabase } from './open-database.js'
import { type AppendRequest, createAppendWriter } from './write-append.js'

/** Counters that show the batching at work (e.g. 64 concurrent appends in 1 transaction). */
export interface GroupCommitStats {
  /** Write transactions committed. */
  transactions: number
  /** Appends resolved by those transactions (written, duplicate or refused). */
  appends: number
  /** Events inserted. */
  eventsWritten: number
}

interface Pending {
  request: AppendRequest
  resolve: (result: AppendResult) => void
  reject: (error: unknown) => void
}

type Outcome = { result: AppendResult } | { error: unknown }

/** Aborts the savepoint-free attempt at a batch when one of its appends throws. */
class AppendFault extends Error {
  constructor(cause: unknown) {
    super('an append failed inside the group commit', { cause })
  }
}

/**
 * Group commit: appends made while a flush is pending are queued, and the
 * next flush (on the next turn of the event loop) writes them all in ONE
 * BEGIN IMMEDIATE ... COMMIT. The appends run in queue order and each sees
 * the earlier ones of the batch; a refused or failing append leaves the
 * others alone (a failing one through a second attempt with savepoints,
 * below). Callers are resolved only after COMMIT has returned, which with
 * synchronous=FULL means it is on disk.
 */
export function createGroupCommit(db: SqliteDatabase, options: { logger: Logger; onCommit: () => void }) {
  const writeAppend = createAppendWriter(db)
  // An append refused by its checks writes nothing, so the usual batch needs no savepoints:
  // only an append that throws half-way (a disk or constraint fault) would leave rows behind.
  const writeBatchOptimistic = db.transaction((batch: Pending[]): Outcome[] =>
    batch.map(({ request }) => {
      try {
        return { result: writeAppend(request) }
      } catch (error) {
        throw new AppendFault(error)
      }
    }),
  )
  // When one does, the whole transaction is rolled back and the batch written again with each
  // append in its own savepoint (nested better-sqlite3 transactions), so it fails alone.
  const writeInSavepoint = db.transaction((request: AppendRequest) => writeAppend(request))
  const writeBatchIsolated = db.transaction((batch: Pending[]): Outcome[] =>
    batch.map(({ request }) => {
      try {
        return { result: writeInSavepoint(request) }
      } catch (error) {
        // Some faults (SQLITE_FULL, an I/O error) make SQLite roll back the whole transaction, not just
        // the savepoint: then no append of the batch is written, and the fault itself must be reported.
        if (!db.inTransaction) throw error
        return { error }
      }
    }),
  )
  const writeBatch = (batch: Pending[]): Outcome[] => {
    try {
      return writeBatchOptimistic.immediate(batch)
    } catch (error) {
      if (!(error instanceof AppendFault)) throw error
      options.logger.warn({ err: error.cause, appends: batch.length }, 'an append failed inside the group; writing the group again, one savepoint per append')
      return writeBatchIsolated.immediate(batch)
    }
  }
  const stats: GroupCommitStats = { transactions: 0, appends: 0, eventsWritten: 0 }
  let queue: Pending[] = []
  let scheduled: NodeJS.Immediate | null = null

  function flush(): void {
    scheduled = null
    const batch = queue
    queue = []
    if (batch.length === 0) return
    let outcomes: Outcome[]
    try {
      outcomes = writeBatch(batch)
    } catch (cause) {
      options.logger.error({ err: cause, appends: batch.length }, 'group commit failed; nothing in the batch was written')
      const error = new StoreUnavailableError('the SQLite write transaction failed; nothing was written', { cause })
      for (const pending of batch) pending.reject(error)
      return
    }
    stats.transactions += 1
    stats.appends += batch.length
    let written = 0
    outcomes.forEach((outcome, i) => {
      const pending = batch[i]!
      if ('error' in outcome) return pending.reject(outcome.error)
      if (outcome.result.ok && !outcome.result.duplicate) written += outcome.result.events.length
      pending.resolve(outcome.result)
    })
    stats.eventsWritten += written
    options.logger.debug({ appends: batch.length, events: written }, 'group commit')
    if (written > 0) options.onCommit()
  }

  return {
    enqueue(request: AppendRequest): Promise<AppendResult> {
      return new Promise((resolve, reject) => {
        queue.push({ request, resolve, reject })
        scheduled ??= setImmediate(flush)
      })
    },
    /** Write whatever is queued now (before close). */
    flushNow(): void {
      if (scheduled) clearImmediate(scheduled)
      flush()
    },
    stats: (): GroupCommitStats => ({ ...stats }),
  }
}
