import { z } from 'zod'
import {
  Citation,
  ClaimChangeFields,
  ClaimDisputeResolvedV1,
  ClaimReassignedV1,
  ClaimRecordedV3,
  ClaimRetractedV2,
  EditorsReading,
  Name,
  PublishedCorrection,
} from '../../events/claim-events.js'
import { FactDefinedV1, FactPinnedV1, PolicyAdoptedV1 } from '../../events/fact-events.js'
import { SourceRegisteredV1, SourceRetractedV1, SourceRevisedV1 } from '../../events/source-events.js'
import { Quantity } from '../../events/quantity/quantity.js'

/**
 * The fields editors send, derived from the event payloads they become: each
 * input field starts from its event field's schema, and only says what the
 * editor may leave out, what is trimmed, and what it means. `inputOf` makes
 * the derivation complete at compile time: a field added to an event fails
 * the type check here until the input states and documents it, or names it
 * as worked out by the ledger. The descriptions are the API's documentation
 * (test/http/openapi-fields.test.ts fails on a request field without one).
 */
export const documented = <T extends z.ZodType>(schema: T, description: string, example: unknown): T => schema.meta({ description, examples: [example] })

/**
 * One input field per field of `event`, bar the `computed` ones the ledger
 * works out itself (ids from the URL, a snapshot's sha256, whether a quote
 * was verified). Extra fields an input has of its own are spread beside it.
 */
export function inputOf<Shape extends z.ZodRawShape, Fields extends { [K in Exclude<keyof Shape, Computed>]: z.ZodType }, Computed extends keyof Shape = never>(
  _event: z.ZodObject<Shape>,
  _computed: readonly Computed[],
  fields: Fields,
): Fields {
  return fields
}

/** An event's name or reason as editors type it: trimmed, and never only whitespace. */
const trimmed = (schema: z.ZodString, message = 'must not be blank') => schema.trim().min(1, message)
const Reason = trimmed(ClaimRetractedV2.shape.reason, 'a reason is required')
export const reason = (description: string, example: string) => documented(Reason, description, example)
const NameInput = trimmed(Name)
const name = (schema: z.ZodString, description: string, example: string) => documented(trimmed(schema), description, example)
const Snapshot = SourceRegisteredV1.shape.snapshot.unwrap().shape.text
/** Where readers can open the source: stricter than the event's URL, only web addresses, never javascript: or data: links. */
const WebUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000)

const registered = SourceRegisteredV1.shape
export const sourceFields = inputOf(SourceRegisteredV1, ['snapshot'], {
  sourceId: documented(registered.sourceId.optional(), 'The id to give the source (a UUID); generated when left out.', '01936d7e-1600-7000-8000-a1a100000001'),
  url: documented(WebUrl.optional(), 'Where readers can open the article (http or https only).', 'https://example.org/2026/02/01/storm-ilse'),
  publisher: name(registered.publisher, 'The outlet that published the article, as readers know it.', 'Harbour Daily'),
  title: name(registered.title, "The article's headline.", 'Storm Ilse toll rises to 9'),
  author: documented(trimmed(registered.author.unwrap()).optional(), 'The byline, if any.', 'Ana Ruiz'),
  publishedAt: documented(registered.publishedAt, 'When the article was first published: a date or a timestamp with its offset. On the publication clock (knownAt) its claims are public from then.', '2026-02-01'),
  retrievedAt: documented(registered.retrievedAt, 'When the text was saved.', '2026-02-01T09:30:00Z'),
  origin: name(
    registered.origin,
    "The newsroom or body whose reporting this is, as a key. A paper reprinting a wire story gives the wire's origin, so the copies count as one origin, not as independent reports; an outlet's own reporting gives its own name. Where the key is not the publisher's name, explanations say the outlet is relaying it (\"Harbour Daily relaying Coastal Wire\").",
    'Coastal Wire',
  ),
  tier: documented(registered.tier, 'How far the source is trusted when figures conflict: 1 is strongest (an official record, a wire of record), 4 weakest (an unverified post).', 2),
})
/** The snapshot is sent as its text; the ledger computes its sha256. */
export const snapshotText = documented(Snapshot.optional(), "The article's text as saved: snapshot version 0. Quotes are checked against it and their offsets found in it; its sha256 is stored.", 'Storm Ilse left 4,000 homes without power on Sunday, the utility said.')

const revised = SourceRevisedV1.shape
export const revisionFields = inputOf(SourceRevisedV1, ['sourceId', 'snapshot'], {
  title: documented(trimmed(revised.title.unwrap()).optional(), 'The new headline, when it changed.', 'Storm Ilse: power cuts'),
  revisedAt: documented(revised.revisedAt, 'When the publisher published the revision. Quotes found only in the revised text are public from this date on the publication clock, and corrections or retractions linked to this revision (sourceRevision) count from it.', '2026-02-04'),
  note: reason('What the publisher changed.', 'the outlet corrected 4,000 homes to 400'),
})
export const revisedText = documented(Snapshot.optional(), 'The revised text, added as the next snapshot version (1, 2, ...) with its own sha256 and date. Earlier texts are never overwritten: every version stays readable.', 'Storm Ilse left 400 homes without power on Sunday, the utility said. Correction: an earlier version said 4,000.')

export const retractionFields = inputOf(SourceRetractedV1, ['sourceId'], {
  retractedAt: documented(SourceRetractedV1.shape.retractedAt, 'When the publisher withdrew the article; from then on the publication clock leaves its claims out.', '2026-02-06'),
  reason: reason('Why the publisher withdrew it, as it said.', 'the outlet withdrew the story pending a review'),
})

const defined = FactDefinedV1.shape
export const factFields = inputOf(FactDefinedV1, [], {
  factId: documented(defined.factId.optional(), 'The id to give the fact: a readable slug (lowercase words and dashes) or a UUID; generated when left out.', 'ilse-homes-without-power'),
  question: documented(defined.question, 'The question the fact answers, precise enough that two claims about it can be compared.', 'How many homes did Storm Ilse leave without power?'),
  subject: name(defined.subject, 'What the fact is about, for lists and search.', 'Storm Ilse'),
  unit: name(defined.unit, 'What is counted or measured: a noun for a count (homes, persons), a currency code for an amount (USD), % for a share.', 'homes'),
  kind: documented(defined.kind, 'count (whole things), amount (money), percent (a share out of 100) or date. The value of every claim must fit it.', 'count'),
  timeVarying: documented(defined.timeVarying, 'A running figure, such as a death toll that rises day by day: claims for different validAt dates are a history, not a conflict. Default false.', true),
  subsetOf: documented(defined.subsetOf, 'A broader fact this one is part of (the security leaders among all the officials sanctioned).', 'us-sanctions-2024-11-round-count'),
})

export const citationFields = inputOf(Citation, ['verified'], {
  quote: documented(Citation.shape.quote, 'The words of the source that state the figure, copied exactly. The value must be a figure this quote states, not one it gives as earlier ("21, up from 15" states 21), unless an editor\'s reading says otherwise.', 'left 4,000 homes without power'),
  start: documented(Citation.shape.start, 'Where the quote starts in the snapshot text (UTF-16 code units); found by the ledger when left out.', 11),
  end: documented(Citation.shape.end, 'Where the quote ends in the snapshot text (exclusive); found by the ledger when left out.', 41),
  snapshotVersion: documented(
    Citation.shape.snapshotVersion,
    "Which saved text the offsets refer to: 0 is the text registered with the source, n the text of its n-th revision. When left out, the first version that prints the quote; a quote found only in a revision is public from that revision's date.",
    0,
  ),
})
export const CitationInput = z.object(citationFields).strict()

/** The editor records the value as their reading of the quote (a figure from a table, "two dozen" as 24), with why. */
export const ReadingInput = z
  .object(inputOf(EditorsReading, [], { reason: reason("Why the value is the editor's reading rather than a figure printed in the quote.", 'the quote says "two dozen"; recorded as 24') }))
  .strict()
const readingDoc = "An editor's reading: set it when the value is not printed as such in the quote (\"two dozen\" recorded as 24, a figure read from a table), with the reason. It is stored, shown on the claim card and in the fact's explanation, and exported."

/** A figure as the source phrased it, which the ledger parses keeping its hedge, or the event's own Quantity. */
export const FigureInput = z.union([z.string().min(1).max(200), Quantity])
const ViaInput = z.array(NameInput).max(10)
const recorded = ClaimRecordedV3.shape
const valueDoc =
  'The figure: a phrase as the source printed it ("more than 2,400", "$15 million", "a dozen"), which the ledger parses keeping its hedge, or a structured Quantity that must be consistent with itself. It must be a figure the quote states (422 naming value otherwise), unless reading says why not.'
const modalityDoc =
  "What kind of statement it is: official (an official count), reported (a newsroom's own finding), estimate, planned (announced, not yet done) or allegation. A realized figure (official or reported) published later supersedes an estimate or a plan."

export const claimFields = inputOf(ClaimRecordedV3, [], {
  claimId: documented(recorded.claimId.optional(), 'The id to give the claim (a UUID); generated when left out.', '01936d7e-1600-7000-8000-c1a100000001'),
  factId: documented(recorded.factId, 'The fact the claim answers.', 'ilse-homes-without-power'),
  sourceId: documented(recorded.sourceId, 'The source that printed the claim.', '01936d7e-1600-7000-8000-a1a100000001'),
  citation: documented(CitationInput, 'Where the source says it: the quote, and optionally its offsets in one saved version of the text.', { quote: 'left 4,000 homes without power' }),
  attributedTo: name(recorded.attributedTo, 'Who the source says stated the figure: an agency, a spokesperson, or the outlet itself for its own reporting.', 'the utility'),
  via: documented(ViaInput.default([]), "The outlets that relayed the statement before this source, when it reports it second-hand, nearest the speaker first. Empty for the source's own reporting. A claim without a relay chain stands over a reprint of it.", ['Coastal Wire']),
  value: documented(FigureInput, valueDoc, 'more than 2,400'),
  reading: documented(ReadingInput.optional(), readingDoc, { reason: 'the figure is read from the outage table under the quote' }),
  modality: documented(recorded.modality, modalityDoc, 'official'),
  validAt: documented(recorded.validAt, 'When the figure is true in the world (the day a toll was counted, the date of a sanctions round), not when it was published: a date or a timestamp.', '2026-02-01'),
})

/** What a correction may change: the event's own list of changeable fields, each as editors send it. */
export const correctionChangeFields = inputOf(ClaimChangeFields, [], {
  value: documented(FigureInput.optional(), `The corrected figure. ${valueDoc}`, '400'),
  citation: documented(CitationInput.optional(), 'The corrected citation.', { quote: 'left 400 homes without power' }),
  attributedTo: documented(NameInput.optional(), 'Who the figure is attributed to, corrected.', 'Coastal Power'),
  via: documented(ViaInput.optional(), 'The relay chain, corrected.', []),
  modality: documented(ClaimChangeFields.shape.modality, `The kind of statement, corrected. ${modalityDoc}`, 'reported'),
  validAt: documented(ClaimChangeFields.shape.validAt, 'When the figure is true in the world, corrected.', '2026-02-02'),
  reading: documented(ReadingInput.nullable().optional(), `${readingDoc} null removes the reading (the quote now prints the value).`, null),
})

/**
 * A retraction or correction prompted by the source's own published correction:
 * name the source revision that published it (its date is used), or give the
 * date it became public. Without either it applies on every publication date.
 */
export const publishedCorrectionFields = inputOf(PublishedCorrection, [], {
  sourceRevision: documented(
    PublishedCorrection.shape.sourceRevision,
    "When this follows the source's own published correction: the source revision that published it. It then counts from that revision's date on the publication clock (knownAt), and before it the claim stands as first printed. Without sourceRevision or effectiveAt it fixes our own transcription and applies on every date.",
    1,
  ),
  effectiveAt: documented(PublishedCorrection.shape.effectiveAt.optional(), "Instead of sourceRevision: when the source's correction became public (not before the claim was published).", '2026-02-04'),
})

export const ids = {
  claimToPin: documented(FactPinnedV1.shape.claimId, 'The claim whose figure editors prefer; it must be filed under this fact.', '01936d7e-1600-7000-8000-c1a100000001'),
  toFactId: documented(ClaimReassignedV1.shape.toFactId, 'The fact the claim should have been filed under.', 'ilse-homes-damaged'),
  disputeId: documented(trimmed(ClaimDisputeResolvedV1.shape.disputeId, 'name the dispute to resolve'), 'The dispute to resolve, by the disputeId GET /claims/:id lists.', '01936d7e-1600-7000-8000-e1a100000001'),
}

export const policyFields = inputOf(PolicyAdoptedV1, ['policyVersion'], {
  aboutTolerance: documented(PolicyAdoptedV1.shape.aboutTolerance, 'Relative tolerance for "about" figures: 0.05 reads "about 180" as 171 to 189.', 0.05),
  note: reason('Why the policy changes.', 'wider tolerance for "about" in wartime counts'),
})
