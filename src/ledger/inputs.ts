import { z } from 'zod'
import { changesSomething, DisputeOutcome } from '../../events/claim-events.js'
import {
  CitationInput,
  claimFields,
  correctionChangeFields,
  documented,
  factFields,
  FigureInput,
  ids,
  policyFields,
  publishedCorrectionFields,
  ReadingInput,
  reason,
  retractionFields,
  revisedText,
  revisionFields,
  snapshotText,
  sourceFields,
} from './input-fields.js'

/**
 * What editors send: the event payloads minus what the ledger works out
 * itself (generated ids, the snapshot's sha256, whether a quote was verified,
 * the interval of a figure given as a phrase). Each field is derived from its
 * event's field and documented in input-fields.ts.
 */
export { CitationInput, FigureInput, ReadingInput }

export const RegisterSourceInput = z.object({ ...sourceFields, snapshotText }).strict()
export type RegisterSourceInput = z.infer<typeof RegisterSourceInput>

export const ReviseSourceInput = z.object({ ...revisionFields, snapshotText: revisedText }).strict()
export type ReviseSourceInput = z.infer<typeof ReviseSourceInput>

export const RetractSourceInput = z.object(retractionFields).strict()
export type RetractSourceInput = z.infer<typeof RetractSourceInput>

export const DefineFactInput = z.object(factFields).strict()
export type DefineFactInput = z.input<typeof DefineFactInput>

export const RecordClaimInput = z.object(claimFields).strict()
export type RecordClaimInput = z.input<typeof RecordClaimInput>

/** sourceRevision or effectiveAt: the event stores one effective date, so the editor names it one way. */
const oneWayToDate: [(c: { sourceRevision?: number | undefined; effectiveAt?: string | undefined }) => boolean, { message: string; path: string[] }] = [
  (c) => c.sourceRevision === undefined || c.effectiveAt === undefined,
  { message: 'give sourceRevision or effectiveAt, not both', path: ['effectiveAt'] },
]

export const CorrectClaimInput = z
  .object({
    reason: reason('Why the claim is corrected.', 'we transcribed the wrong speaker'),
    // The same "something changes" rule the stored ClaimCorrected event is checked with.
    changes: documented(
      z.object(correctionChangeFields).strict().refine(...changesSomething),
      "The fields that change, with their new values. Nothing is overwritten: the old values stay in the claim's history.",
      { value: '400', citation: { quote: 'left 400 homes without power' } },
    ),
    ...publishedCorrectionFields,
  })
  .strict()
  .refine(...oneWayToDate)
export type CorrectClaimInput = z.input<typeof CorrectClaimInput>

export const RetractClaimInput = z
  .object({ reason: reason('Why the claim no longer stands.', 'the outlet corrected the figure'), ...publishedCorrectionFields })
  .strict()
  .refine(...oneWayToDate)
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
export const PinFactInput = z.object({ claimId: ids.claimToPin, reason: reason('Why editors prefer this claim.', "the utility's own outage map") }).strict()
export const UnpinFactInput = z.object({ reason: reason('Why the pin is removed.', 'the official count is out') }).strict()
export const AdoptPolicyInput = z.object(policyFields).strict()
