import { z } from 'zod'
import { ClaimId, FactId } from './ids.js'

/**
 * What kind of figure a fact is. `percent` (a share or rate out of 100, unit
 * "%") was added after the first FactDefined events were written: adding an
 * enum member changes no payload's shape, so every stored event still reads
 * as it did and no upcaster is needed.
 */
export const FactKind = z.enum(['count', 'amount', 'percent', 'date'])
export type FactKind = z.infer<typeof FactKind>

export const FactDefinedV1 = z
  .object({
    factId: FactId,
    /** The question the fact answers, e.g. "How many Maduro allies did the US Treasury sanction on 2024-11-27?" */
    question: z.string().min(5).max(500),
    subject: z.string().min(1).max(200),
    unit: z.string().min(1).max(40),
    kind: FactKind,
    /** A running figure (a death toll): values at different valid times are a history, not a conflict. */
    timeVarying: z.boolean().default(false),
    subsetOf: FactId.optional(),
  })
  .strict()

export const FactPinnedV1 = z
  .object({ factId: FactId, claimId: ClaimId, reason: z.string().min(1).max(2000) })
  .strict()

export const FactUnpinnedV1 = z
  .object({ factId: FactId, reason: z.string().min(1).max(2000) })
  .strict()

export const PolicyAdoptedV1 = z
  .object({
    policyVersion: z.number().int().positive(),
    /** Relative tolerance used for "about" figures, e.g. 0.05 for +/-5%. */
    aboutTolerance: z.number().min(0).max(0.5),
    note: z.string().min(1).max(2000),
  })
  .strict()
