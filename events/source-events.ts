import { z } from 'zod'
import { IsoDate, SourceId } from './ids.js'

/** How much a source is trusted when figures conflict: 1 is the highest. */
export const ReliabilityTier = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])

/** A sha256 hex digest. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256')

export const SourceRegisteredV1 = z
  .object({
    sourceId: SourceId,
    url: z.url().max(2000).optional(),
    publisher: z.string().min(1).max(200),
    title: z.string().min(1).max(500),
    author: z.string().min(1).max(200).optional(),
    publishedAt: IsoDate,
    retrievedAt: IsoDate.optional(),
    /** The newsroom or body that did the reporting; a reprinted wire story has the wire's origin. */
    origin: z.string().min(1).max(200),
    tier: ReliabilityTier,
    snapshot: z
      .object({ text: z.string().min(1).max(5_000_000), sha256: Sha256 })
      .strict()
      .optional(),
  })
  .strict()

export const SourceRevisedV1 = z
  .object({
    sourceId: SourceId,
    title: z.string().min(1).max(500).optional(),
    revisedAt: IsoDate,
    snapshot: z
      .object({ text: z.string().min(1).max(5_000_000), sha256: Sha256 })
      .strict()
      .optional(),
    note: z.string().min(1).max(2000),
  })
  .strict()

export const SourceRetractedV1 = z
  .object({ sourceId: SourceId, retractedAt: IsoDate, reason: z.string().min(1).max(2000) })
  .strict()
