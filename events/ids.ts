import { z } from 'zod'

/** UUIDv7 for generated ids; facts may also be named with a readable slug. */
export const Uuid = z.uuid()
/**
 * The longest id of any entity (a fact slug; UUIDs are 36). The HTTP router's
 * path-parameter limit is this same number, so every id that can be stored
 * can be read back by URL.
 */
export const MAX_ID_LENGTH = 120
export const Slug = z
  .string()
  .min(3)
  .max(MAX_ID_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes')
export const SourceId = Uuid
export const ClaimId = Uuid
export const FactId = z.union([Uuid, Slug])

/** A calendar date or a full timestamp (ISO 8601). */
export const IsoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

export const streamOf = {
  source: (id: string) => `source-${id}`,
  fact: (id: string) => `fact-${id}`,
  claim: (id: string) => `claim-${id}`,
} as const

export type StreamKind = keyof typeof streamOf

/** The kind of entity and its id, read back from a stream name. */
export function parseStream(stream: string): { kind: StreamKind; id: string } | null {
  const m = /^(source|fact|claim)-(.+)$/.exec(stream)
  return m ? { kind: m[1] as StreamKind, id: m[2]! } : null
}
