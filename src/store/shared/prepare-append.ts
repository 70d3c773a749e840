import type { NewEvent } from '../../../events/envelope.js'
import type { CanonicalEvent } from '../hash-chain.js'
import type { ExpectedRevision } from '../port.js'
import { canonicalize } from './canonical-json.js'

/** Longest stream name accepted (fact slugs are at most 120 characters plus the "fact-" prefix). */
export const MAX_STREAM_NAME_LENGTH = 200
const MAX_ID_LENGTH = 200

/**
 * An event checked and serialized when append() is called, before it is
 * queued. It holds only its text: what a reader gets back and what the hash
 * covers are made from that text when the event is written (readBack), so
 * a queued append keeps little alive (an import queues thousands, and every
 * object that outlives a young-generation GC costs a copy).
 */
export interface PreparedEvent {
  event: Pick<NewEvent, 'id' | 'type' | 'schemaVersion'>
  dataText: string
  metadataText: string
}

/** A prepared event as it is written: the event a reader will get back, and the canonical text its hash covers. */
export interface EventReadBack extends CanonicalEvent {
  /** The JSON round trip of what was given, so the result equals what later reads return. */
  event: NewEvent
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
    assertExactJson(event.data, () => `${where} (${event.id}): data`)
    assertExactJson(event.metadata, () => `${where} (${event.id}): metadata`)
    return {
      event: { id: event.id, type: event.type, schemaVersion: event.schemaVersion },
      dataText: JSON.stringify(event.data),
      metadataText: JSON.stringify(event.metadata),
    }
  })
}

/** Parse a prepared event's text back and canonicalize that copy, so the hash covers exactly what is stored and read back. */
export function readBack({ event, dataText, metadataText }: PreparedEvent): EventReadBack {
  const data = JSON.parse(dataText) as unknown
  const metadata = JSON.parse(metadataText) as NewEvent['metadata']
  return {
    event: { id: event.id, type: event.type, schemaVersion: event.schemaVersion, data, metadata },
    canonicalData: canonicalOf(data),
    canonicalMetadata: canonicalOf(metadata),
  }
}

function canonicalOf(parsed: unknown): string {
  const text = canonicalize(parsed)
  // Cannot happen: anything JSON.parse returns has a canonical form.
  if (text === undefined) throw new Error('a parsed JSON value has no canonical form')
  return text
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
 *
 * Every append walks its payload here, so the walk builds no strings; only
 * when it finds a problem is the payload walked again to name where.
 */
function assertExactJson(value: unknown, path: () => string): void {
  if (!isExactJson(value, new Set())) {
    describeInexactJson(value, path(), new Set())
    throw new TypeError(`${path()} is not plain JSON`) // unreachable: the two walks refuse the same values
  }
}

function isExactJson(value: unknown, ancestors: Set<object>): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object':
      break
    default:
      return false
  }
  if (value === null) return true
  if (ancestors.has(value)) return false
  ancestors.add(value)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      // Holes are skipped, as forEach does in describeInexactJson (JSON writes them as null).
      if (i in value && !isExactJson(value[i], ancestors)) return false
    }
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const item = value[key]
      if (item !== undefined && !isExactJson(item, ancestors)) return false
    }
  } else {
    return false
  }
  ancestors.delete(value)
  return true
}

/** The same walk as isExactJson, throwing a TypeError that names the first value it refuses. */
function describeInexactJson(value: unknown, path: string, ancestors: Set<object>): void {
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
    value.forEach((item, i) => describeInexactJson(item, `${path}[${i}]`, ancestors))
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) describeInexactJson(item, `${path}.${key}`, ancestors)
    }
  } else {
    throw new TypeError(`${path} is a ${value.constructor?.name ?? 'non-plain object'}, not plain JSON`)
  }
  ancestors.delete(value)
}
