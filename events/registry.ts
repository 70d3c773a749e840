import type { z } from 'zod'
import { ClaimCorrectedV2, ClaimDisputedV1, ClaimDisputeResolvedV1, ClaimReassignedV1, ClaimRecordedV3, ClaimRetractedV2 } from './claim-events.js'
import { ClaimCorrectedV1Legacy, ClaimRecordedV1Legacy, ClaimRecordedV2Legacy, ClaimRetractedV1Legacy } from './claim-legacy.js'
import { FactDefinedV1, FactPinnedV1, FactUnpinnedV1, PolicyAdoptedV1 } from './fact-events.js'
import { SourceRegisteredV1, SourceRetractedV1, SourceRevisedV1 } from './source-events.js'

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>

interface EventTypeEntry<S extends z.ZodType> {
  /** The version new events are written with. */
  current: number
  /** The schema of the current version; readers only ever see this shape. */
  schema: S
  /** Schemas of older versions, kept to validate stored payloads before upcasting. */
  legacy: Record<number, z.ZodType>
  /** upcasters[n] turns a version-n payload into version n+1. */
  upcasters: Record<number, Upcaster>
}

function entry<S extends z.ZodType>(schema: S, older: Partial<Omit<EventTypeEntry<S>, 'schema'>> = {}): EventTypeEntry<S> {
  return { current: older.current ?? 1, schema, legacy: older.legacy ?? {}, upcasters: older.upcasters ?? {} }
}

/** Every event type the ledger knows, by name. The schema is the type. */
export const eventTypes = {
  SourceRegistered: entry(SourceRegisteredV1),
  SourceRevised: entry(SourceRevisedV1),
  SourceRetracted: entry(SourceRetractedV1),
  FactDefined: entry(FactDefinedV1),
  FactPinned: entry(FactPinnedV1),
  FactUnpinned: entry(FactUnpinnedV1),
  PolicyAdopted: entry(PolicyAdoptedV1),
  ClaimRecorded: entry(ClaimRecordedV3, {
    current: 3,
    legacy: { 1: ClaimRecordedV1Legacy, 2: ClaimRecordedV2Legacy },
    upcasters: {
      // v1 -> v2: `via` became a chain.
      1: ({ via, ...rest }) => ({ ...rest, via: typeof via === 'string' ? [via] : [] }),
      // v2 -> v3: the citation may name its snapshot version and the value may be an editor's reading; an
      // old claim names neither (its offsets, if verified, refer to the text the source had when it was recorded).
      2: (data) => data,
    },
  }),
  ClaimCorrected: entry(ClaimCorrectedV2, {
    current: 2,
    legacy: { 1: ClaimCorrectedV1Legacy },
    // v1 -> v2: a v1 correction is always our own transcription fix (no published correction, no reading).
    upcasters: { 1: (data) => data },
  }),
  ClaimRetracted: entry(ClaimRetractedV2, {
    current: 2,
    legacy: { 1: ClaimRetractedV1Legacy },
    // v1 -> v2: a v1 retraction names no published correction, so it counts on every publication date.
    upcasters: { 1: (data) => data },
  }),
  ClaimDisputed: entry(ClaimDisputedV1),
  ClaimDisputeResolved: entry(ClaimDisputeResolvedV1),
  ClaimReassigned: entry(ClaimReassignedV1),
} as const

export type EventType = keyof typeof eventTypes
export const eventTypeNames = Object.keys(eventTypes) as EventType[]

export type EventData<T extends EventType> = z.infer<(typeof eventTypes)[T]['schema']>

/** A domain event as readers see it: type and current-version data, tied together. */
export type DomainEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType]

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventTypes, type)
}
