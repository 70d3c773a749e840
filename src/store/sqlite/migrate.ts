import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromPackageRoot } from '../../package-root.js'
import type { SqliteDatabase } from './open-database.js'

/** Where the numbered, forward-only SQL files live (migrations/sqlite/NNN_name.sql). */
export const sqliteMigrationsDir = fromPackageRoot('migrations', 'sqlite')

export interface Migration {
  version: number
  name: string
  sql: string
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/

/** The migrations in order; numbering must run 1, 2, 3, ... so a missing file is noticed. */
export function loadMigrations(dir = sqliteMigrationsDir): Migration[] {
  const files = readdirSync(dir)
    .filter(f => f.endsWith('.sql'))
    .sort()
  return files.map((file, i) => {
    const match = FILE_NAME.exec(file)
    if (!match) throw new Error(`migration ${file} is not named NNN_name.sql`)
    const version = Number(match[1])
    if (version !== i + 1) throw new Error(`migration ${file}: expected version ${String(i + 1).padStart(3, '0')}`)
    return { version, name: match[2]!, sql: readFileSync(join(dir, file), 'utf8') }
  })
}

/**
 * Apply every migration not yet recorded in schema_migrations, each in its
 * own transaction together with its record. BEGIN IMMEDIATE takes the write
 * lock first, so two processes opening a new file at once apply each
 * migration once: the second one waits, then sees it recorded.
 * Returns the versions this call applied.
 */
export function migrate(db: SqliteDatabase, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck()
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  const latest = db.prepare('SELECT max(version) FROM schema_migrations').pluck()
  const known = (latest.get() as number | null) ?? 0
  if (known > migrations.length) {
    throw new Error(`the database has schema version ${known}, newer than this code knows (${migrations.length})`)
  }
  const applied: number[] = []
  for (const migration of migrations) {
    db.transaction(() => {
      if (isApplied.get(migration.version)) return
      db.exec(migration.sql)
      record.run(migration.version, migration.name, new Date().toISOString())
      applied.push(migration.version)
    }).immediate()
  }
  return applied
}
