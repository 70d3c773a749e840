import { z } from 'zod'
import {
  ClaimChangeFields,
  ClaimCorrectedV2,
  ClaimDisputedV1,
  ClaimDisputeResolvedV1,
  ClaimReassignedV1,
  ClaimRecordedV3,
  ClaimRetractedV2,
  Citation,
  PublishedCorrection,
  changesSomething,
} from '../../events/claim-events.js'
import { FactDefinedV1, FactPinnedV1, FactUnpinnedV1, PolicyAdoptedV1 } from '../../events/fact-events.js'
import { ClaimId, FactId, SourceId } from '../../events/ids.js'
import { Quantity } from '../../events/quantity/quantity.js'
import { SourceRegisteredV1, SourceRetractedV1, SourceRevisedV1 } from '../../events/source-events.js'

/**
 * What editors send. Close to the event payloads, minus what the ledger works
 * out itself: generated ids, the snapshot's sha256, whether a quote was
 * verified, and the interval of a figure given as a phrase ("more than 20").
 */
const Reason = z.string().trim().min(1, 'a reason is required').max(2000)
const Snapshot = z.string().min(1).max(5_000_000)
/** A name (publisher, origin, subject, who said it): trimmed, and never only whitespace. */
const NameInput = (max = 200) => z.string().trim().min(1, 'must not be blank').max(max)
/** The editor records the value as their reading of the quote (a figure from a table, "two dozen" as 24), with why. */
export const ReadingInput = z.object({ reason: Reason }).strict()
/**
 * A retraction or correction prompted by the source's own published correction:
 * name the source revision that published it (its date is used), or give the
 * date it became public. Without either it applies on every publication date.
 */
const PublishedCorrectionFields = PublishedCorrection.partial().shape
/** One rule for corrections and retractions alike. */
const oneCorrectionDate: [(c: { sourceRevision?: number | undefined; effectiveAt?: string | undefined }) => boolean, { message: string; path: string[] }] = [
  (c) => c.sourceRevision === undefined || c.effectiveAt === undefined,
  { message: 'give sourceRevision or effectiveAt, not both', path: ['effectiveAt'] },
]

/** A figure as the source phrased it, or an already normalized Quantity. */
export const FigureInput = z.union([z.string().min(1).max(200), Quantity])
export const CitationInput = Citation.omit({ verified: true }).strict()
const ViaInput = z.array(NameInput()).max(10)

/** Where readers can open the source: only web addresses, never javascript: or data: links. */
const WebUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000)

export const RegisterSourceInput = SourceRegisteredV1.omit({ sourceId: true, snapshot: true })
  .extend({
    sourceId: SourceId.optional(),
    url: WebUrl.optional(),
    publisher: NameInput(),
    title: NameInput(500),
    author: NameInput().optional(),
    origin: NameInput(),
    snapshotText: Snapshot.optional(),
  })
  .strict()
export type RegisterSourceInput = z.infer<typeof RegisterSourceInput>

export const ReviseSourceInput = SourceRevisedV1.omit({ sourceId: true, snapshot: true })
  .extend({ title: NameInput(500).optional(), snapshotText: Snapshot.optional(), note: Reason })
  .strict()
export type ReviseSourceInput = z.infer<typeof ReviseSourceInput>

export const RetractSourceInput = SourceRetractedV1.omit({ sourceId: true }).extend({ reason: Reason }).strict()
export type RetractSourceInput = z.infer<typeof RetractSourceInput>

export const DefineFactInput = FactDefinedV1.extend({ factId: FactId.optional(), subject: NameInput(), unit: NameInput(40) }).strict()
export type DefineFactInput = z.input<typeof DefineFactInput>

export const RecordClaimInput = ClaimRecordedV3.omit({ claimId: true, citation: true, value: true, reading: true })
  .extend({
    claimId: ClaimId.optional(),
    citation: CitationInput,
    value: FigureInput,
    reading: ReadingInput.optional(),
    attributedTo: NameInput(),
    via: ViaInput.default([]),
  })
  .strict()
export type RecordClaimInput = z.input<typeof RecordClaimInput>

/** The event's own change fields, with a figure or citation as editors give them; the same "changes something" rule. */
const ClaimChangesInput = ClaimChangeFields.extend({
  value: FigureInput.optional(),
  citation: CitationInput.optional(),
  attributedTo: NameInput().optional(),
  via: ViaInput.optional(),
  reading: ReadingInput.nullable().optional(),
})
  .strict()
  .refine(...changesSomething)

export const CorrectClaimInput = ClaimCorrectedV2.omit({ claimId: true, publishedCorrection: true })
  .extend({ reason: Reason, changes: ClaimChangesInput, ...PublishedCorrectionFields })
  .strict()
  .refine(...oneCorrectionDate)
export type CorrectClaimInput = z.input<typeof CorrectClaimInput>

export const RetractClaimInput = ClaimRetractedV2.omit({ claimId: true, publishedCorrection: true })
  .extend({ reason: Reason, ...PublishedCorrectionFields })
  .strict()
  .refine(...oneCorrectionDate)
export const DisputeClaimInput = ClaimDisputedV1.omit({ claimId: true }).extend({ reason: Reason }).strict()
export const ResolveDisputeInput = ClaimDisputeResolvedV1.omit({ claimId: true })
  .extend({ disputeId: z.string().trim().min(1, 'name the dispute to resolve').max(200), reason: Reason })
  .strict()
export const ReassignClaimInput = ClaimReassignedV1.pick({ toFactId: true }).extend({ reason: Reason }).strict()
export const PinFactInput = FactPinnedV1.omit({ factId: true }).extend({ reason: Reason }).strict()
export const UnpinFactInput = FactUnpinnedV1.omit({ factId: true }).extend({ reason: Reason }).strict()
/** The version number is the ledger's to give (the current one plus one). */
export const AdoptPolicyInput = PolicyAdoptedV1.omit({ policyVersion: true }).extend({ note: Reason }).strict()
