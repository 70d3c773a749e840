import { z } from 'zod'
import { DisputeOutcome } from '../../events/claim-events.js'
import {
  citationFields,
  claimFields,
  correctionChangeFields,
  documented,
  factFields,
  FigureInput,
  ids,
  publishedCorrectionFields,
  ReadingInput,
  reason,
  revisionFields,
  sourceFields,
} from './input-fields.js'

/**
 * What editors send. Close to the event payloads, minus what the ledger works
 * out itself: generated ids, the snapshot's sha256, whether a quote was
 * verified, and the interval of a figure given as a phrase ("more than 20").
 * Every field is documented where it is defined (input-fields.ts).
 */
export { FigureInput, ReadingInput }
export const CitationInput = z.object(citationFields).strict()

const { sourceId, url, author, retrievedAt, snapshotText } = sourceFields
export const RegisterSourceInput = z
  .object({ ...sourceFields, sourceId: sourceId.optional(), url: url.optional(), author: author.optional(), retrievedAt: retrievedAt.optional(), snapshotText: snapshotText.optional() })
  .strict()
export type RegisterSourceInput = z.infer<typeof RegisterSourceInput>

export const ReviseSourceInput = z
  .object({ ...revisionFields, title: revisionFields.title.optional(), snapshotText: revisionFields.snapshotText.optional() })
  .strict()
export type ReviseSourceInput = z.infer<typeof ReviseSourceInput>

export const RetractSourceInput = z.object({ retractedAt: ids.retractedAt, reason: reason('Why the publisher withdrew it, as it said.', 'the outlet withdrew the story pending a review') }).strict()
export type RetractSourceInput = z.infer<typeof RetractSourceInput>

export const DefineFactInput = z.object(factFields).strict()
export type DefineFactInput = z.input<typeof DefineFactInput>

export const RecordClaimInput = z
  .object({
    ...claimFields,
    citation: documented(CitationInput, 'Where the source says it: the quote, and optionally its offsets in one saved version of the text.', { quote: 'left 4,000 homes without power' }),
    via: claimFields.via.default([]),
  })
  .strict()
export type RecordClaimInput = z.input<typeof RecordClaimInput>

export const CorrectClaimInput = z
  .object({
    reason: reason('Why the claim is corrected.', 'we transcribed the wrong speaker'),
    changes: documented(
      z
        .object(correctionChangeFields)
        .strict()
        .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'at least one field must change' }),
      "The fields that change, with their new values. Nothing is overwritten: the old values stay in the claim's history.",
      { value: '400', citation: { quote: 'left 400 homes without power' } },
    ),
    ...publishedCorrectionFields,
  })
  .strict()
  .refine((c) => c.sourceRevision === undefined || c.effectiveAt === undefined, { message: 'give sourceRevision or effectiveAt, not both', path: ['effectiveAt'] })
export type CorrectClaimInput = z.input<typeof CorrectClaimInput>

export const RetractClaimInput = z
  .object({ reason: reason('Why the claim no longer stands.', 'the outlet corrected the figure'), ...publishedCorrectionFields })
  .strict()
  .refine((c) => c.sourceRevision === undefined || c.effectiveAt === undefined, { message: 'give sourceRevision or effectiveAt, not both', path: ['effectiveAt'] })
export const DisputeClaimInput = z
  .object({ reason: reason('Why the claim is doubted. While the dispute is open it shows on the fact and the claim does not count towards confirmed.', 'the Times may be counting the same victims twice') })
  .strict()
export const ResolveDisputeInput = z
  .object({
    disputeId: ids.disputeId,
    outcome: documented(DisputeOutcome, 'upheld: the claim leaves the reconciliation, with the reason; dismissed: it counts again.', 'dismissed'),
    reason: reason('Why, for the record.', 'the Times named each victim'),
  })
  .strict()
export const ReassignClaimInput = z.object({ toFactId: ids.toFactId, reason: reason('Why the claim belongs to the other fact.', 'the figure counts damaged homes, not homes without power') }).strict()
export const PinFactInput = z.object({ claimId: ids.claimToPin, reason: reason('Why editors prefer this claim.', 'the utility\'s own outage map') }).strict()
export const UnpinFactInput = z.object({ reason: reason('Why the pin is removed.', 'the official count is out') }).strict()
export const AdoptPolicyInput = z
  .object({ aboutTolerance: ids.aboutTolerance, note: reason('Why the policy changes.', 'wider tolerance for "about" in wartime counts') })
  .strict()
