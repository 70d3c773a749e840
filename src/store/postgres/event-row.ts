import type { RecordedEvent } from '../../../events/envelope.js'
import type { EventMetadata } from '../../../events/metadata.js'

/** The columns every read selects, in the shape `toRecordedEvent` expects. */
export const EVENT_COLUMNS = 'position, stream, revision, id, type, schema_version, data, metadata, hash, prev_hash'

export interface EventRow {
  /** int8 arrives as a string: pg does not turn it into a lossy number. */
  position: string
  stream: string
  revision: string
  id: string
  type: string
  schema_version: number
  /** json columns arrive parsed by pg, keys in the order they were written. */
  data: unknown
  metadata: EventMetadata
  hash: string
  prev_hash: string | null
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    stream: row.stream,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    hash: row.hash,
    prevHash: row.prev_hash,
  }
}
