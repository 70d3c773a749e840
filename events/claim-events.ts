import { z } from 'zod'
import { ClaimId, FactId, IsoDate, SourceId } from './ids.js'
import { Quantity } from './quantity/quantity.js'

export const Modality = z.enum(['official', 'reported', 'planned', 'estimate', 'allegation'])
export type Modality = z.infer<typeof Modality>

/**
 * The words the source printed. Offsets are verified against the source's
 * snapshot when it has one (`verified: true`); otherwise stored as given.
 */
export const Citation = z
  .object({
    quote: z.string().min(1).max(2000),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().positive().optional(),
    verified: z.boolean(),
  })
  .strict()
export type Citation = z.infer<typeof Citation>

export const ClaimRecordedV2 = z
  .object({
    claimId: ClaimId,
    factId: FactId,
    sourceId: SourceId,
    citation: Citation,
    /** Who said it: "U.S. Treasury", "State Department". */
    attributedTo: z.string().min(1).max(200),
    /** The chain it reached us through: "according to documents seen by Bloomberg". */
    via: z.array(z.string().min(1).max(200)).max(10).default([]),
    value: Quantity,
    modality: Modality,
    /** When the figure was true in the world (the sanctions round, the day a toll was counted). */
    validAt: IsoDate,
  })
  .strict()

/** Our transcription was wrong: the new fields replace the old ones in views; the old stay in history. */
export const ClaimCorrectedV1 = z
  .object({
    claimId: ClaimId,
    reason: z.string().min(1).max(2000),
    changes: z
      .object({
        value: Quantity.optional(),
        citation: Citation.optional(),
        attributedTo: z.string().min(1).max(200).optional(),
        via: z.array(z.string().min(1).max(200)).max(10).optional(),
        modality: Modality.optional(),
        validAt: IsoDate.optional(),
      })
      .strict()
      .refine((c) => Object.keys(c).length > 0, { message: 'at least one field must change' }),
  })
  .strict()

export const ClaimRetractedV1 = z
  .object({ claimId: ClaimId, reason: z.string().min(1).max(2000) })
  .strict()

export const ClaimDisputedV1 = z
  .object({ claimId: ClaimId, reason: z.string().min(1).max(2000) })
  .strict()

export const ClaimReassignedV1 = z
  .object({ claimId: ClaimId, fromFactId: FactId, toFactId: FactId, reason: z.string().min(1).max(2000) })
  .strict()
