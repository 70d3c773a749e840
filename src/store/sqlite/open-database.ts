import Database from 'better-sqlite3'

export type SqliteDatabase = Database.Database

/** How long a writer waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000

/**
 * Open the ledger file with the settings the store's guarantees rest on:
 * WAL (readers never block the writer), synchronous=FULL (COMMIT returns
 * only after the WAL is fsynced, so an acknowledged append survives a crash
 * or power loss), and a busy timeout for other processes sharing the file.
 */
export function openDatabase(path: string): SqliteDatabase {
  const db = new Database(path)
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (mode !== 'wal' && path !== ':memory:') throw new Error(`${path}: journal_mode is ${String(mode)}, WAL was refused`)
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
