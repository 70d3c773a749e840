import { z } from 'zod'
import { ClaimId, FactId, IsoDate, SourceId } from './ids.js'
import { Quantity } from './quantity/quantity.js'
import { Modality } from './claim-events.js'

/**
 * Claim event shapes as first shipped. Old events keep these shapes forever
 * and are upcast on read (events/registry.ts); the schemas guard the stored
 * payloads before upcasting.
 */

/** The citation before it named the snapshot version its offsets refer to. */
export const CitationV1 = z
  .object({
    quote: z.string().min(1).max(2000),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().positive().optional(),
    verified: z.boolean(),
  })
  .strict()

/**
 * ClaimRecorded v1: `via` was one free-text string. Version 2 made it a chain
 * (array), because attributions nest: "the State Department, reported by
 * Reuters, according to documents seen by Bloomberg".
 */
export const ClaimRecordedV1Legacy = z
  .object({
    claimId: ClaimId,
    factId: FactId,
    sourceId: SourceId,
    citation: CitationV1,
    attributedTo: z.string().min(1).max(200),
    via: z.string().min(1).max(200).optional(),
    value: Quantity,
    modality: Modality,
    validAt: IsoDate,
  })
  .strict()

/** ClaimRecorded v2: version 3 added the citation's snapshot version and the editor's reading. */
export const ClaimRecordedV2Legacy = ClaimRecordedV1Legacy.omit({ via: true })
  .extend({ via: z.array(z.string().min(1).max(200)).max(10).default([]) })
  .strict()

/** ClaimCorrected v1: version 2 added the editor's reading and the link to a published correction. */
export const ClaimCorrectedV1Legacy = z
  .object({
    claimId: ClaimId,
    reason: z.string().min(1).max(2000),
    changes: z
      .object({
        value: Quantity.optional(),
        citation: CitationV1.optional(),
        attributedTo: z.string().min(1).max(200).optional(),
        via: z.array(z.string().min(1).max(200)).max(10).optional(),
        modality: Modality.optional(),
        validAt: IsoDate.optional(),
      })
      .strict()
      .refine((c) => Object.keys(c).length > 0, { message: 'at least one field must change' }),
  })
  .strict()

/** ClaimRetracted v1: version 2 added the link to the source's published correction. */
export const ClaimRetractedV1Legacy = z.object({ claimId: ClaimId, reason: z.string().min(1).max(2000) }).strict()
