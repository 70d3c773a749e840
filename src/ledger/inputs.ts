import { z } from 'zod'
import { Citation, ClaimRecordedV2, Modality } from '../../events/claim-events.js'
import { FactDefinedV1 } from '../../events/fact-events.js'
import { ClaimId, FactId, IsoDate, SourceId } from '../../events/ids.js'
import { Quantity } from '../../events/quantity/quantity.js'
import { SourceRegisteredV1 } from '../../events/source-events.js'

/**
 * What editors send. Close to the event payloads, minus what the ledger works
 * out itself: generated ids, the snapshot's sha256, whether a quote was
 * verified, and the interval of a figure given as a phrase ("more than 20").
 */
const Reason = z.string().trim().min(1, 'a reason is required').max(2000)
const Snapshot = z.string().min(1).max(5_000_000)

/** A figure as the source phrased it, or an already normalized Quantity. */
export const FigureInput = z.union([z.string().min(1).max(200), Quantity])
export const CitationInput = Citation.omit({ verified: true }).strict()

/** Where readers can open the source: only web addresses, never javascript: or data: links. */
const WebUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000)

export const RegisterSourceInput = SourceRegisteredV1.omit({ sourceId: true, snapshot: true })
  .extend({ sourceId: SourceId.optional(), url: WebUrl.optional(), snapshotText: Snapshot.optional() })
  .strict()
export type RegisterSourceInput = z.infer<typeof RegisterSourceInput>

export const ReviseSourceInput = z
  .object({ title: z.string().min(1).max(500).optional(), revisedAt: IsoDate, snapshotText: Snapshot.optional(), note: Reason })
  .strict()
export type ReviseSourceInput = z.infer<typeof ReviseSourceInput>

export const RetractSourceInput = z.object({ retractedAt: IsoDate, reason: Reason }).strict()
export type RetractSourceInput = z.infer<typeof RetractSourceInput>

export const DefineFactInput = FactDefinedV1.extend({ factId: FactId.optional() }).strict()
export type DefineFactInput = z.input<typeof DefineFactInput>

export const RecordClaimInput = ClaimRecordedV2.omit({ claimId: true, citation: true, value: true })
  .extend({ claimId: ClaimId.optional(), citation: CitationInput, value: FigureInput })
  .strict()
export type RecordClaimInput = z.input<typeof RecordClaimInput>

export const CorrectClaimInput = z
  .object({
    reason: Reason,
    changes: z
      .object({
        value: FigureInput.optional(),
        citation: CitationInput.optional(),
        attributedTo: z.string().min(1).max(200).optional(),
        via: z.array(z.string().min(1).max(200)).max(10).optional(),
        modality: Modality.optional(),
        validAt: IsoDate.optional(),
      })
      .strict()
      .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'at least one field must change' }),
  })
  .strict()
export type CorrectClaimInput = z.input<typeof CorrectClaimInput>

export const RetractClaimInput = z.object({ reason: Reason }).strict()
export const DisputeClaimInput = z.object({ reason: Reason }).strict()
export const ReassignClaimInput = z.object({ toFactId: FactId, reason: Reason }).strict()
export const PinFactInput = z.object({ claimId: ClaimId, reason: Reason }).strict()
export const UnpinFactInput = z.object({ reason: Reason }).strict()
export const AdoptPolicyInput = z
  .object({ aboutTolerance: z.number().min(0).max(0.5), note: Reason })
  .strict()
