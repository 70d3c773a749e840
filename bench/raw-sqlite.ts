import type { NewEvent } from '../events/envelope.js'
import { openDatabase, type SqliteDatabase } from '../src/store/sqlite/open-database.js'

/**
 * The bare baseline: what a hand-rolled event table on better-sqlite3 does at
 * minimum. Same file settings as the product (openDatabase: WAL,
 * synchronous=FULL), the same columns and unique keys an event table needs
 * (position, one revision per stream, one row per event id), JSON.stringify of
 * the same event objects — and nothing else: no validation, no expected-
 * revision check, no hash chain, no CHECK constraints or triggers.
 */
export function openRawEventTable(path: string) {
  const db: SqliteDatabase = openDatabase(path)
  db.exec(`CREATE TABLE IF NOT EXISTS raw_events (
    position INTEGER PRIMARY KEY,
    stream   TEXT NOT NULL,
    revision INTEGER NOT NULL,
    id       TEXT NOT NULL UNIQUE,
    type     TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data     TEXT NOT NULL,
    metadata TEXT NOT NULL,
    UNIQUE (stream, revision)
  )`)
  const insert = db.prepare('INSERT INTO raw_events (stream, revision, id, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const insertRow = (stream: string, revision: bigint | number, event: NewEvent) =>
    insert.run(stream, revision, event.id, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata))
  /** One event per durable transaction. */
  const appendOne = db.transaction((stream: string, event: NewEvent) => insertRow(stream, 0, event))
  /** Many events per durable transaction. */
  const appendMany = db.transaction((rows: ReadonlyArray<{ stream: string; revision: bigint | number; event: NewEvent }>) => {
    for (const row of rows) insertRow(row.stream, row.revision, row.event)
  })
  return {
    db,
    appendOne: (stream: string, event: NewEvent) => appendOne.immediate(stream, event),
    appendMany: (rows: ReadonlyArray<{ stream: string; revision: bigint | number; event: NewEvent }>) => appendMany.immediate(rows),
    close: () => db.close(),
  }
}
