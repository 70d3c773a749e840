import { z } from 'zod'
import { ClaimId, FactId, IsoDate, SourceId } from './ids.js'
import { Quantity } from './quantity/quantity.js'

export const Modality = z.enum(['official', 'reported', 'planned', 'estimate', 'allegation'])
export type Modality = z.infer<typeof Modality>

/** Who said it or relayed it: a name, never blank. */
export const Name = z.string().min(1).max(200)

/**
 * The words the source printed. Offsets are verified against one version of
 * the source's snapshot when it has one (`verified: true`); otherwise stored
 * as given. `snapshotVersion` names that version: 0 is the text registered
 * with the source, n the text brought by its n-th revision. The versions are
 * never overwritten, so the offsets keep pointing at the quoted words.
 */
export const Citation = z
  .object({
    quote: z.string().min(1).max(2000),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().positive().optional(),
    verified: z.boolean(),
    snapshotVersion: z.number().int().nonnegative().optional(),
  })
  .strict()
export type Citation = z.infer<typeof Citation>

/**
 * The value is the editor's reading of the quote, not a phrase printed in it
 * (a figure read from a table, "two dozen" recorded as 24): the reason is
 * stored, shown and exported with the claim.
 */
export const EditorsReading = z.object({ reason: z.string().min(1).max(2000) }).strict()
export type EditorsReading = z.infer<typeof EditorsReading>

/**
 * A retraction or correction that follows the source's own published
 * correction: it counts on the publication clock from `effectiveAt` (the
 * date of source revision `sourceRevision` when it is linked to one).
 */
export const PublishedCorrection = z
  .object({ sourceRevision: z.number().int().positive().optional(), effectiveAt: IsoDate })
  .strict()
export type PublishedCorrection = z.infer<typeof PublishedCorrection>

export const ClaimRecordedV3 = z
  .object({
    claimId: ClaimId,
    factId: FactId,
    sourceId: SourceId,
    citation: Citation,
    /** Who said it: "U.S. Treasury", "State Department". */
    attributedTo: Name,
    /** The chain it reached us through: "according to documents seen by Bloomberg". */
    via: z.array(Name).max(10).default([]),
    value: Quantity,
    /** Present when the value is the editor's reading of the quote rather than words printed in it. */
    reading: EditorsReading.optional(),
    modality: Modality,
    /** When the figure was true in the world (the sanctions round, the day a toll was counted). */
    validAt: IsoDate,
  })
  .strict()

/**
 * Our transcription was wrong: the new fields replace the old ones in views;
 * the old stay in history. With `publishedCorrection` it records instead that
 * the source corrected itself, and counts on the publication clock from then.
 */
/** The fields a correction may change; the ledger's input (src/ledger/input-fields.ts) is derived from this same object, field by field. */
export const ClaimChangeFields = z
  .object({
    value: Quantity.optional(),
    citation: Citation.optional(),
    attributedTo: Name.optional(),
    via: z.array(Name).max(10).optional(),
    modality: Modality.optional(),
    validAt: IsoDate.optional(),
    /** null removes an editor's reading (the value is now printed in the quote). */
    reading: EditorsReading.nullable().optional(),
  })
  .strict()

/**
 * A correction changes something: one refinement for the stored event and the
 * editor's input alike (a field given as undefined is no change).
 */
export const changesSomething = [
  (changes: Record<string, unknown>) => Object.values(changes).some((v) => v !== undefined),
  { message: 'at least one field must change' },
] as const

export const ClaimCorrectedV2 = z
  .object({
    claimId: ClaimId,
    reason: z.string().min(1).max(2000),
    changes: ClaimChangeFields.refine(...changesSomething),
    publishedCorrection: PublishedCorrection.optional(),
  })
  .strict()

export const ClaimRetractedV2 = z
  .object({ claimId: ClaimId, reason: z.string().min(1).max(2000), publishedCorrection: PublishedCorrection.optional() })
  .strict()

export const ClaimDisputedV1 = z
  .object({ claimId: ClaimId, reason: z.string().min(1).max(2000) })
  .strict()

/** An editor settles a dispute: upheld takes the claim out of reconciliation, dismissed lets it count again. */
export const DisputeOutcome = z.enum(['upheld', 'dismissed'])
export const ClaimDisputeResolvedV1 = z
  .object({
    claimId: ClaimId,
    /** The id of the ClaimDisputed event this resolves. */
    disputeId: z.string().min(1).max(200),
    outcome: DisputeOutcome,
    reason: z.string().min(1).max(2000),
  })
  .strict()

export const ClaimReassignedV1 = z
  .object({ claimId: ClaimId, fromFactId: FactId, toFactId: FactId, reason: z.string().min(1).max(2000) })
  .strict()
