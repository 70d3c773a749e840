import pg from 'pg'
import type { NewEvent } from '../events/envelope.js'

/**
 * The bare PostgreSQL baseline, like raw-sqlite.ts: the same columns and
 * unique keys as an event table needs, json columns like the product's,
 * default durability (synchronous_commit on), nothing else.
 */
export async function openRawPostgresTable(connectionString: string) {
  const client = new pg.Client({ connectionString })
  await client.connect()
  await client.query(`CREATE TABLE IF NOT EXISTS raw_events (
    position bigserial PRIMARY KEY,
    stream   text NOT NULL,
    revision bigint NOT NULL,
    id       text NOT NULL UNIQUE,
    type     text NOT NULL,
    schema_version integer NOT NULL,
    data     json NOT NULL,
    metadata json NOT NULL,
    UNIQUE (stream, revision)
  )`)
  const columns = 'stream, revision, id, type, schema_version, data, metadata'
  const values = (stream: string, revision: number, event: NewEvent) => [stream, revision, event.id, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata)]
  return {
    /** One event, one statement, one (durable) transaction. */
    async appendOne(stream: string, event: NewEvent): Promise<void> {
      await client.query({ name: 'raw-one', text: `INSERT INTO raw_events (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, values: values(stream, 0, event) })
    },
    /** Many events in one multi-row INSERT: one transaction. */
    async appendMany(rows: ReadonlyArray<{ stream: string; event: NewEvent }>): Promise<void> {
      const params: unknown[] = []
      const tuples = rows.map(({ stream, event }, i) => {
        params.push(...values(stream, 0, event))
        const at = i * 7
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7})`
      })
      await client.query(`INSERT INTO raw_events (${columns}) VALUES ${tuples.join(', ')}`, params)
    },
    close: () => client.end(),
  }
}
