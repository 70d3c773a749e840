import type { RecordedEvent } from '../../../events/envelope.js'

/** The columns every event read selects, in this order. */
export const EVENT_COLUMNS = 'position, stream, revision, id, type, schema_version, data, metadata, hash, prev_hash'

/** A row of `events` as better-sqlite3 returns it with safeIntegers on. */
export interface EventRow {
  position: bigint
  stream: string
  revision: bigint
  id: string
  type: string
  schema_version: bigint
  data: string
  metadata: string
  hash: string
  prev_hash: string | null
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    hash: row.hash,
    prevHash: row.prev_hash,
  }
}
