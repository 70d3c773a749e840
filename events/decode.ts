import { z } from 'zod'
import type { RecordedEvent } from './envelope.js'
import { type DomainEvent, type EventType, eventTypes, isEventType } from './registry.js'

export type DecodeResult =
  | { ok: true; event: DomainEvent }
  | { ok: false; error: { code: 'UnknownEventType' | 'UnknownSchemaVersion' | 'InvalidPayload'; message: string } }

/**
 * Validate a stored payload against the schema of the version it was written
 * with, then upcast it step by step to the current version. Readers never see
 * an old shape.
 */
export function decodeEventData(type: string, schemaVersion: number, data: unknown): DecodeResult {
  if (!isEventType(type)) return { ok: false, error: { code: 'UnknownEventType', message: `unknown event type "${type}"` } }
  const entry = eventTypes[type as EventType]
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > entry.current) {
    return { ok: false, error: { code: 'UnknownSchemaVersion', message: `${type} has no schema version ${schemaVersion}` } }
  }
  let payload = data
  for (let v = schemaVersion; v < entry.current; v++) {
    const old = (entry.legacy as Record<number, z.ZodType>)[v]
    const up = (entry.upcasters as Record<number, (d: Record<string, unknown>) => Record<string, unknown>>)[v]
    if (!old || !up) return { ok: false, error: { code: 'UnknownSchemaVersion', message: `${type} v${v} has no upcaster` } }
    const parsed = old.safeParse(payload)
    if (!parsed.success) return { ok: false, error: { code: 'InvalidPayload', message: `${type} v${v}: ${z.prettifyError(parsed.error)}` } }
    payload = up(parsed.data as Record<string, unknown>)
  }
  const parsed = (entry.schema as z.ZodType).safeParse(payload)
  if (!parsed.success) return { ok: false, error: { code: 'InvalidPayload', message: `${type} v${entry.current}: ${z.prettifyError(parsed.error)}` } }
  return { ok: true, event: { type, data: parsed.data } as DomainEvent }
}

/** Decode a recorded event; a payload that fails its own schema is an infrastructure fault. */
export function decodeRecorded(event: RecordedEvent): DomainEvent & { recorded: RecordedEvent } {
  const result = decodeEventData(event.type, event.schemaVersion, event.data)
  if (!result.ok) throw new Error(`event ${event.id} at position ${event.position}: ${result.error.message}`)
  return { ...result.event, recorded: event }
}
