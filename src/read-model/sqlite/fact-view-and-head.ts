import type { FactViewAndHead } from '../port.js'
import { StoreUnavailableError } from '../../store/port.js'
import type { SqliteDatabase } from '../../store/sqlite/open-database.js'

/**
 * Backend.readFactViewAndHead on SQLite: the current view's text and the
 * stream's max(revision) (from the (stream, revision) index alone) as two
 * scalar subqueries of one statement, so one read transaction.
 */
export function createFactViewAndHeadReader(db: SqliteDatabase): (factId: string, stream: string) => Promise<FactViewAndHead> {
  const both = db
    .prepare(
      `SELECT (SELECT view FROM rm_fact_views WHERE fact_id = ?) AS viewText,
              (SELECT max(revision) FROM events WHERE stream = ?) AS streamHead`,
    )
    .safeIntegers()
  return async (factId, stream) => {
    if (!db.open) throw new StoreUnavailableError('the SQLite store is closed')
    return both.get(factId, stream) as FactViewAndHead
  }
}
