import type { NewEvent } from '../../../events/envelope.js'
import type { ExpectedRevision } from '../port.js'

/** Longest stream name accepted (fact slugs are at most 120 characters plus the "fact-" prefix). */
export const MAX_STREAM_NAME_LENGTH = 200
const MAX_ID_LENGTH = 200

/** An event checked and serialized once, before it is queued. */
export interface PreparedEvent {
  /** The event as a reader will get it back (the JSON round trip of what was given). */
  event: NewEvent
  dataText: string
  metadataText: string
}

/**
 * Check an append's arguments and serialize its events. Everything refused
 * here is a programming error in the caller, so it throws a TypeError naming
 * what is wrong; nothing is queued.
 */
export function prepareAppend(stream: unknown, events: unknown, expected: unknown): PreparedEvent[] {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > MAX_STREAM_NAME_LENGTH) {
    throw new TypeError(`stream name must be a string of 1 to ${MAX_STREAM_NAME_LENGTH} characters`)
  }
  assertExpectedRevision(expected)
  if (!Array.isArray(events) || events.length === 0) throw new TypeError(`append to ${stream}: events must be a non-empty array`)
  const ids = new Set<string>()
  return events.map((event: NewEvent, i) => {
    const where = `append to ${stream}, event ${i}`
    if (typeof event !== 'object' || event === null) throw new TypeError(`${where}: not an event object`)
    if (typeof event.id !== 'string' || event.id.length === 0 || event.id.length > MAX_ID_LENGTH) {
      throw new TypeError(`${where}: id must be a string of 1 to ${MAX_ID_LENGTH} characters`)
    }
    if (ids.has(event.id)) throw new TypeError(`${where}: id ${event.id} appears twice in the batch`)
    ids.add(event.id)
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.length > MAX_ID_LENGTH) {
      throw new TypeError(`${where}: type must be a string of 1 to ${MAX_ID_LENGTH} characters`)
    }
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new TypeError(`${where}: schemaVersion must be a positive integer`)
    }
    if (!isPlainObject(event.metadata)) throw new TypeError(`${where}: metadata must be a plain object`)
    assertExactJson(event.data, `${where} (${event.id}): data`, new Set())
    assertExactJson(event.metadata, `${where} (${event.id}): metadata`, new Set())
    const dataText = JSON.stringify(event.data)
    const metadataText = JSON.stringify(event.metadata)
    return {
      event: {
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: JSON.parse(dataText) as unknown,
        metadata: JSON.parse(metadataText) as NewEvent['metadata'],
      },
      dataText,
      metadataText,
    }
  })
}

export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return
  if (typeof expected === 'bigint' && expected >= 0n) return
  throw new TypeError(`expectedRevision must be 'any', 'no_stream', 'stream_exists' or a bigint >= 0n, got ${String(expected)}`)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * Refuse what JSON would silently change or cannot hold, so that an event
 * reads back exactly as written and its hash covers what is stored: bigint,
 * NaN/Infinity, functions, symbols, Dates and other class instances, cycles.
 * An undefined object property is allowed: JSON drops it, as zod-built
 * objects expect.
 */
function assertExactJson(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot hold`)
      return
    case 'object':
      break
    default:
      throw new TypeError(`${path} is ${value === undefined ? 'undefined' : `a ${typeof value}`}, which JSON cannot hold`)
  }
  if (value === null) return
  if (ancestors.has(value)) throw new TypeError(`${path} refers back to itself`)
  ancestors.add(value)
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertExactJson(item, `${path}[${i}]`, ancestors))
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) assertExactJson(item, `${path}.${key}`, ancestors)
    }
  } else {
    throw new TypeError(`${path} is a ${value.constructor?.name ?? 'non-plain object'}, not plain JSON`)
  }
  ancestors.delete(value)
}
