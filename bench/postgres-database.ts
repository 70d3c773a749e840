import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The maintenance database the bench creates its scratch database from (trust auth, as in the tests). */
export const postgresAdminUrl = process.env.FACTLEDGER_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface BenchDatabase {
  connectionString: string
  drop(): Promise<void>
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A fresh, uniquely named database; drop() removes it (closing what is still connected). */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `factledger_bench_${label}_${process.pid}_${randomBytes(3).toString('hex')}`
  await admin((client) => client.query(`CREATE DATABASE "${name}"`))
  const url = new URL(postgresAdminUrl)
  url.pathname = `/${name}`
  return {
    connectionString: url.toString(),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  }
}

/** Why PostgreSQL cannot be used here, or null when it can. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await admin((client) => client.query('SELECT 1'))
    return null
  } catch (error) {
    return `no PostgreSQL at ${new URL(postgresAdminUrl).host} (${(error as Error).message}); set FACTLEDGER_BENCH_POSTGRES_URL`
  }
}
