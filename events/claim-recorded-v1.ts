import { z } from 'zod'
import { ClaimId, FactId, IsoDate, SourceId } from './ids.js'
import { Quantity } from './quantity/quantity.js'
import { Citation, Modality } from './claim-events.js'

/**
 * ClaimRecorded as first shipped: `via` was one free-text string. Version 2
 * made it a chain (array), because attributions nest: "the State Department,
 * reported by Reuters, according to documents seen by Bloomberg". Old events
 * keep this shape forever and are upcast on read.
 */
export const ClaimRecordedV1Legacy = z
  .object({
    claimId: ClaimId,
    factId: FactId,
    sourceId: SourceId,
    citation: Citation,
    attributedTo: z.string().min(1).max(200),
    via: z.string().min(1).max(200).optional(),
    value: Quantity,
    modality: Modality,
    validAt: IsoDate,
  })
  .strict()
