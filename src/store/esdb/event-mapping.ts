import { START, jsonEvent, type EventData, type JSONType, type Position, type ReadPosition } from '@eventstore/db-client'
import type { RecordedEvent } from '../../../events/envelope.js'
import type { EventMetadata } from '../../../events/metadata.js'

/**
 * How a factledger event sits in EventStoreDB: the stream, event id, type and
 * JSON data map 1:1; everything else the port needs (schemaVersion and the
 * hash chain) travels in the event's metadata beside the caller's metadata:
 *
 *   { "factledger": 1, "schemaVersion": 1, "hash": "…", "prevHash": "…" | null, "metadata": { actor, role, … } }
 *
 * Revisions are the server's stream revisions (bigint). The global position
 * is the event's $all commit position: strictly increasing in commit order,
 * but a byte offset in the transaction log, so NOT contiguous — positions on
 * this adapter have gaps (conformance runs it with densePositions: false).
 */
export interface EsdbEnvelope {
  factledger: 1
  schemaVersion: number
  hash: string
  prevHash: string | null
  metadata: EventMetadata
}

/** The record fields the adapter reads (the client's RecordedEvent has these and more). */
export interface EsdbRecord {
  streamId: string
  id: string
  revision: bigint
  type: string
  data: unknown
  metadata?: unknown
  position?: Position
}

/** The client reports "no position" as the largest unsigned 64-bit value. */
const NO_POSITION = 18_446_744_073_709_551_615n

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** EventStoreDB keeps event ids as 128-bit UUIDs: only the lower-case canonical form reads back unchanged. */
export function assertEsdbEventId(id: string): void {
  if (!UUID.test(id)) throw new TypeError(`event id ${id} is not a lower-case UUID, which EventStoreDB requires`)
}

export function toEsdbEvent(event: RecordedEvent): EventData {
  const envelope: EsdbEnvelope = { factledger: 1, schemaVersion: event.schemaVersion, hash: event.hash, prevHash: event.prevHash, metadata: event.metadata }
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: envelope })
}

function isEnvelope(value: unknown): value is EsdbEnvelope {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<EsdbEnvelope>
  return v.factledger === 1 && typeof v.schemaVersion === 'number' && typeof v.hash === 'string' && typeof v.metadata === 'object'
}

/**
 * A factledger event back from the server, or null for an event factledger
 * did not write (a system event, a link, another application's event).
 */
export function fromEsdbRecord(record: EsdbRecord, logicalStream: string): RecordedEvent | null {
  if (!isEnvelope(record.metadata)) return null
  const commit = record.position?.commit
  if (commit === undefined || commit === NO_POSITION) {
    throw new Error(
      `EventStoreDB returned ${record.streamId}@${record.revision} without its $all position; factledger needs EventStoreDB 22.10 or later (or KurrentDB)`,
    )
  }
  const envelope = record.metadata
  return {
    id: record.id,
    type: record.type,
    schemaVersion: envelope.schemaVersion,
    data: record.data,
    metadata: envelope.metadata,
    stream: logicalStream,
    revision: record.revision,
    // Never 0: the log starts with an epoch record, so an event's offset is always positive.
    position: commit,
    hash: envelope.hash,
    prevHash: envelope.prevHash ?? null,
  }
}

/**
 * The $all position of the event at `position`. Events appended through gRPC
 * are committed one log record each, so commit and prepare positions are equal.
 * readAll starts AT it (inclusive), subscribeToAll AFTER it (exclusive).
 */
export function toReadPosition(position: bigint): ReadPosition {
  return position <= 0n ? START : { commit: position, prepare: position }
}

/**
 * Stream names: 1:1 by default. With a namespace, every stream is stored as
 * `<namespace>:<stream>` and reads see only that namespace, so several
 * ledgers (or test runs) can share one cluster.
 */
export interface StreamNames {
  toPhysical(stream: string): string
  /** The logical name, or null when the physical stream is not this ledger's. */
  toLogical(physical: string): string | null
  /** Prefix of every stream of this ledger ('' without a namespace). */
  readonly prefix: string
}

export function createStreamNames(namespace?: string): StreamNames {
  if (namespace !== undefined && !/^[A-Za-z0-9_.-]{1,100}$/.test(namespace)) {
    throw new TypeError(`EventStoreDB namespace must be 1-100 letters, digits, '_', '.' or '-', got ${JSON.stringify(namespace)}`)
  }
  const prefix = namespace ? `${namespace}:` : ''
  return {
    prefix,
    toPhysical(stream) {
      if (stream.startsWith('$')) throw new TypeError(`stream ${stream}: names starting with $ are EventStoreDB system streams`)
      return prefix + stream
    },
    toLogical(physical) {
      if (physical.startsWith('$') || !physical.startsWith(prefix)) return null
      return physical.slice(prefix.length)
    },
  }
}
