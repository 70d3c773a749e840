import { readdir, readFile } from 'node:fs/promises'
import pg from 'pg'
import { fromPackageRoot } from '../../package-root.js'
import { toStoreError } from './pg-errors.js'

/** Where the numbered, forward-only SQL files live (migrations/postgres/NNN_name.sql). */
export const postgresMigrationsDir = fromPackageRoot('migrations', 'postgres')

/** Any constant works; it only has to differ from the sequencer's and the runner lease's keys. */
const MIGRATION_LOCK_KEY = 7_201_000_001

export interface Migration {
  version: number
  name: string
  sql: string
}

export interface MigrationReport {
  /** Versions applied by this call, in order (empty when the schema was current). */
  applied: number[]
  /** Every version recorded in schema_migrations afterwards. */
  current: number[]
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/

export async function loadMigrations(dir = postgresMigrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
  const migrations: Migration[] = []
  for (const file of files) {
    const match = FILE_NAME.exec(file)
    if (!match) throw new Error(`migration file ${file} is not named NNN_name.sql`)
    const version = Number(match[1])
    const expected = migrations.length + 1
    if (version !== expected) throw new Error(`${file}: expected version ${String(expected).padStart(3, '0')} (migrations are numbered from 001 without gaps)`)
    migrations.push({ version, name: match[2]!, sql: await readFile(`${dir}/${file}`, 'utf8') })
  }
  return migrations
}

/**
 * Applies every migration not yet recorded in schema_migrations, each in its
 * own transaction with its record. A session advisory lock serialises
 * concurrent migrators (several app instances starting at once): the second
 * waits, then finds the work done.
 */
export async function migratePostgres(connectionString: string, dir = postgresMigrationsDir): Promise<MigrationReport> {
  const migrations = await loadMigrations(dir)
  const client = new pg.Client({ connectionString })
  try {
    await client.connect()
  } catch (error) {
    throw toStoreError(error, 'cannot connect to PostgreSQL to migrate')
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    const newest = Math.max(0, ...done)
    if (newest > migrations.length) {
      // An older build must not write into a schema it does not understand.
      throw new Error(`the database has schema version ${newest}, newer than this code knows (${migrations.length}); upgrade factledger`)
    }
    const applied: number[] = []
    for (const migration of migrations) {
      if (done.has(migration.version)) continue
      await client.query('BEGIN')
      try {
        await client.query(migration.sql)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw new Error(`migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`, { cause: error })
      }
      applied.push(migration.version)
    }
    const current = (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version)
    return { applied, current }
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end().catch(() => undefined)
  }
}
