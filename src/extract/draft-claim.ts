import { z } from 'zod'
import { Modality } from '../../events/claim-events.js'
import { FactKind } from '../../events/fact-events.js'
import { IsoDate } from '../../events/ids.js'
import { Quantity } from '../../events/quantity/quantity.js'

/**
 * A claim the extractor proposes and an editor reviews. Nothing here is
 * recorded on its own: the review flow turns an accepted draft into a
 * ClaimRecorded payload with `draftToClaimFields`, after the editor has
 * chosen the fact and checked every field. The fields that ClaimRecorded
 * carries have the same names and shapes here.
 */

/** Where the attribution came from, strongest first; the editor sees it as a reason. */
export const AttributionSource = z.enum([
  'citing', // "Citing figures from Vente Venezuela, the report shows ..."
  'according-to', // "..., according to the county sheriff's office"
  'speaker', // "..., the State Department said"
  'subject', // "The Treasury Department sanctioned 21 ..."
  'carried', // a sentence that continues the previous one ("The group includes 15 ...")
  'publisher', // nobody named: the outlet itself reports it
])
export type AttributionSource = z.infer<typeof AttributionSource>

export const ValidAtPrecision = z.enum(['day', 'month', 'year', 'publication', 'unknown'])
export type ValidAtPrecision = z.infer<typeof ValidAtPrecision>

/** A suggestion is offered only when subject, unit and kind agree; `reason` says why, or why not, in words. */
export const SuggestedFact = z.union([
  z.object({ factId: z.string(), score: z.number().min(0).max(1), reason: z.string() }).strict(),
  z.object({ new: z.literal(true), bestScore: z.number().min(0).max(1).optional(), reason: z.string() }).strict(),
])
export type SuggestedFact = z.infer<typeof SuggestedFact>

export const TextSpan = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }).strict()

export const DraftClaim = z
  .object({
    /** The sentence (or, for a very long sentence, the clause) that states the figure: text.slice(start, end) === quote. */
    quote: z.string().min(1).max(2000),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    /** The figure as written, with its own offsets into the text. */
    figure: z.string().min(1).max(200),
    figureStart: z.number().int().nonnegative(),
    figureEnd: z.number().int().positive(),
    value: Quantity,
    attributedTo: z.string().min(1).max(200),
    via: z.array(z.string().min(1).max(200)).max(10),
    attribution: AttributionSource,
    modality: Modality,
    /** Resolved against the publication date; null when nothing in the text or metadata dates it. */
    validAt: IsoDate.nullable(),
    validAtText: z.string().nullable().describe('the words that dated it, e.g. "on Wednesday"'),
    validAtPrecision: ValidAtPrecision,
    /** What is counted or measured: "officials", "family members", "people arrested". */
    counted: z.string().nullable(),
    suggestedFact: SuggestedFact,
    confidence: z.number().min(0).max(1),
    reasons: z.array(z.string()),
    /** Other places in the text that repeat the same figure (a headline, a summary). */
    alsoAt: z.array(TextSpan),
  })
  .strict()
export type DraftClaim = z.infer<typeof DraftClaim>

/** A number the extractor saw and chose not to propose, with why, so a reviewer can check nothing was lost. */
export const SkippedFigure = z
  .object({
    figure: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    reason: z.string(),
  })
  .strict()
export type SkippedFigure = z.infer<typeof SkippedFigure>

export const KnownFact = z
  .object({ factId: z.string().min(1), question: z.string(), subject: z.string(), unit: z.string(), kind: FactKind.optional() })
  .strict()
export type KnownFact = z.infer<typeof KnownFact>

export const ExtractInput = z
  .object({
    text: z.string(),
    /** The source's publication date (ISO 8601); relative dates ("on Wednesday") are resolved against it. */
    publishedAt: IsoDate.optional(),
    /** Who to attribute a figure to when the text names nobody. */
    publisher: z.string().min(1).max(200).optional(),
    knownFacts: z.array(KnownFact).max(10_000).optional(),
  })
  .strict()
export type ExtractInput = z.infer<typeof ExtractInput>

export const ExtractErrorCode = z.enum(['InvalidInput', 'EmptyText', 'BinaryText', 'TextTooLarge', 'InvalidPublishedAt'])
export type ExtractErrorCode = z.infer<typeof ExtractErrorCode>

export type ExtractResult =
  | { ok: true; drafts: DraftClaim[]; skipped: SkippedFigure[] }
  | { ok: false; error: { code: ExtractErrorCode; message: string } }

/**
 * The ClaimRecorded fields a draft supplies. The editor supplies the rest
 * (claimId, factId, sourceId) and a validAt when the draft has none;
 * `verified` says whether the offsets were checked against the source snapshot.
 */
export function draftToClaimFields(draft: DraftClaim, options: { verified: boolean; validAt?: string }) {
  const validAt = options.validAt ?? draft.validAt
  if (validAt === null) return { ok: false as const, error: { code: 'MissingValidAt' as const, message: 'the draft has no valid time; the editor must give one' } }
  return {
    ok: true as const,
    fields: {
      citation: { quote: draft.quote, start: draft.start, end: draft.end, verified: options.verified },
      attributedTo: draft.attributedTo,
      via: draft.via,
      value: draft.value,
      modality: draft.modality,
      validAt,
    },
  }
}
