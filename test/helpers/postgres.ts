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
        'Start one (e.g. `docker compose up -d postgres`) or point FACTLEDGER_TEST_POSTGRES_URL at one. These tests never skip.',
      { cause: error },
    )
  }
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Creates a uniquely named database and drops it (closing any connection left open) at teardown. */
export async function freshPostgresDatabase(t: Teardownable, label = 'test'): Promise<TestDatabase> {
  const name = `factledger_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${randomBytes(4).toString('hex')}`
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`))
  t.teardown(() => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)))
  return { name, connectionString: databaseUrl(name) }
}
