import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * A fresh PostgreSQL database per test file. The server is the one on
 * 127.0.0.1:5432 (user postgres) unless FACTLEDGER_TEST_POSTGRES_URL names
 * another maintenance database. These tests never skip: an unreachable
 * server fails them with a message saying what to start.
 */
export const adminUrl = process.env.FACTLEDGER_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

interface Teardownable {
  teardown(fn: () => unknown): void
}

export interface TestDatabase {
  name: string
  connectionString: string
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(
      `PostgreSQL tests need a server at ${adminUrl} (user postgres, trust auth) and cannot reach it: ${(error as Error).message}. ` +
        'Start one, or use the compose one: `docker compose up -d postgres` and ' +
        'FACTLEDGER_TEST_POSTGRES_URL=postgres://factledger:factledger@127.0.0.1:5433/postgres. These tests never skip.',
      { cause: error },
    )
  }
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

export interface OwnedDatabase extends TestDatabase {
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>
}

/** Creates a uniquely named, empty database; the caller drops it. */
export async function createTestDatabase(label = 'test'): Promise<OwnedDatabase> {
  const name = `factledger_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase().slice(0, 30)}_${process.pid}_${randomBytes(4).toString('hex')}`
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`))
  return {
    name,
    connectionString: databaseUrl(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  }
}

/** A fresh database for a test (file), dropped at its teardown. */
export async function freshPostgresDatabase(t: Teardownable, label = 'test'): Promise<TestDatabase> {
  const db = await createTestDatabase(label)
  t.teardown(db.drop)
  return { name: db.name, connectionString: db.connectionString }
}
