import { z } from 'zod'
import { Modality } from '../../events/claim-events.js'
import { FactKind } from '../../events/fact-events.js'
import { ClaimId, FactId, IsoDate, SourceId } from '../../events/ids.js'
import { Quantity } from '../../events/quantity/quantity.js'
import { ReliabilityTier } from '../../events/source-events.js'

/**
 * The fields editors send, each with what it means and an example. The
 * descriptions are the API's documentation: fastify's OpenAPI document is
 * generated from these schemas (test/http/openapi.test.ts fails on a request
 * field without a description and an example).
 */
export const documented = <T extends z.ZodType>(schema: T, description: string, example: unknown): T => schema.meta({ description, examples: [example] })

const Reason = z.string().trim().min(1, 'a reason is required').max(2000)
export const reason = (description: string, example: string) => documented(Reason, description, example)
/** A name (publisher, origin, subject, who said it): trimmed, and never only whitespace. */
const NameInput = (max = 200) => z.string().trim().min(1, 'must not be blank').max(max)
const name = (description: string, example: string, max = 200) => documented(NameInput(max), description, example)
const Snapshot = z.string().min(1).max(5_000_000)
/** Where readers can open the source: only web addresses, never javascript: or data: links. */
const WebUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000)

export const sourceFields = {
  sourceId: documented(SourceId, 'The id to give the source (a UUID); generated when left out.', '01936d7e-1600-7000-8000-a1a100000001'),
  url: documented(WebUrl, 'Where readers can open the article (http or https only).', 'https://example.org/2026/02/01/storm-ilse'),
  publisher: name('The outlet that published the article, as readers know it.', 'Harbour Daily'),
  title: name("The article's headline.", 'Storm Ilse toll rises to 9', 500),
  author: name('The byline, if any.', 'Ana Ruiz'),
  publishedAt: documented(IsoDate, 'When the article was first published: a date or a timestamp with its offset. On the publication clock (knownAt) its claims are public from then.', '2026-02-01'),
  retrievedAt: documented(IsoDate, 'When the text was saved.', '2026-02-01T09:30:00Z'),
  origin: name(
    "The newsroom or body whose reporting this is, as a key. A paper reprinting a wire story gives the wire's origin, so the copies count as one origin, not as independent reports; an outlet's own reporting gives its own name. Where the key is not the publisher's name, explanations say the outlet is relaying it (\"Harbour Daily relaying Coastal Wire\").",
    'Coastal Wire',
  ),
  tier: documented(ReliabilityTier, 'How far the source is trusted when figures conflict: 1 is strongest (an official record, a wire of record), 4 weakest (an unverified post).', 2),
  snapshotText: documented(Snapshot, "The article's text as saved: snapshot version 0. Quotes are checked against it and their offsets found in it; its sha256 is stored.", 'Storm Ilse left 4,000 homes without power on Sunday, the utility said.'),
}

export const revisionFields = {
  title: name('The new headline, when it changed.', 'Storm Ilse: power cuts', 500),
  revisedAt: documented(IsoDate, 'When the publisher published the revision. Quotes found only in the revised text are public from this date on the publication clock, and corrections or retractions linked to this revision (sourceRevision) count from it.', '2026-02-04'),
  snapshotText: documented(Snapshot, 'The revised text, added as the next snapshot version (1, 2, ...) with its own sha256 and date. Earlier texts are never overwritten: every version stays readable.', 'Storm Ilse left 400 homes without power on Sunday, the utility said. Correction: an earlier version said 4,000.'),
  note: reason('What the publisher changed.', 'the outlet corrected 4,000 homes to 400'),
}

export const factFields = {
  factId: documented(FactId.optional(), 'The id to give the fact: a readable slug (lowercase words and dashes) or a UUID; generated when left out.', 'ilse-homes-without-power'),
  question: documented(z.string().min(5).max(500), 'The question the fact answers, precise enough that two claims about it can be compared.', 'How many homes did Storm Ilse leave without power?'),
  subject: name('What the fact is about, for lists and search.', 'Storm Ilse'),
  unit: name('What is counted or measured: a noun for a count (homes, persons), a currency code for an amount (USD), % for a share.', 'homes', 40),
  kind: documented(FactKind, 'count (whole things), amount (money), percent (a share out of 100) or date. The value of every claim must fit it.', 'count'),
  timeVarying: documented(z.boolean().default(false), 'A running figure, such as a death toll that rises day by day: claims for different validAt dates are a history, not a conflict. Default false.', true),
  subsetOf: documented(FactId.optional(), 'A broader fact this one is part of (the security leaders among all the officials sanctioned).', 'us-sanctions-2024-11-round-count'),
}

export const citationFields = {
  quote: documented(z.string().min(1).max(2000), 'The words of the source that state the figure, copied exactly. The value must be a figure this quote states, not one it gives as earlier ("21, up from 15" states 21), unless an editor\'s reading says otherwise.', 'left 4,000 homes without power'),
  start: documented(z.number().int().nonnegative().optional(), 'Where the quote starts in the snapshot text (UTF-16 code units); found by the ledger when left out.', 11),
  end: documented(z.number().int().positive().optional(), 'Where the quote ends in the snapshot text (exclusive); found by the ledger when left out.', 41),
  snapshotVersion: documented(
    z.number().int().nonnegative().optional(),
    "Which saved text the offsets refer to: 0 is the text registered with the source, n the text of its n-th revision. When left out, the first version that prints the quote; a quote found only in a revision is public from that revision's date.",
    0,
  ),
}

/** The editor records the value as their reading of the quote (a figure from a table, "two dozen" as 24), with why. */
export const ReadingInput = z
  .object({ reason: reason("Why the value is the editor's reading rather than a figure printed in the quote.", 'the quote says "two dozen"; recorded as 24') })
  .strict()
const readingDoc = "An editor's reading: set it when the value is not printed as such in the quote (\"two dozen\" recorded as 24, a figure read from a table), with the reason. It is stored, shown on the claim card and in the fact's explanation, and exported."
const readingExample = { reason: 'the figure is read from the outage table under the quote' }

/** A figure as the source phrased it, or an already normalized Quantity. */
export const FigureInput = z.union([z.string().min(1).max(200), Quantity])
const ViaInput = z.array(NameInput()).max(10)

export const claimFields = {
  claimId: documented(ClaimId.optional(), 'The id to give the claim (a UUID); generated when left out.', '01936d7e-1600-7000-8000-c1a100000001'),
  factId: documented(FactId, 'The fact the claim answers.', 'ilse-homes-without-power'),
  sourceId: documented(SourceId, 'The source that printed the claim.', '01936d7e-1600-7000-8000-a1a100000001'),
  attributedTo: name('Who the source says stated the figure: an agency, a spokesperson, or the outlet itself for its own reporting.', 'the utility'),
  via: documented(ViaInput, 'The outlets that relayed the statement before this source, when it reports it second-hand, nearest the speaker first. Empty for the source\'s own reporting. A claim without a relay chain stands over a reprint of it.', ['Coastal Wire']),
  value: documented(
    FigureInput,
    'The figure: a phrase as the source printed it ("more than 2,400", "$15 million", "a dozen"), which the ledger parses keeping its hedge, or a structured Quantity that must be consistent with itself. It must be a figure the quote states (422 naming value otherwise), unless reading says why not.',
    'more than 2,400',
  ),
  reading: documented(ReadingInput.optional(), readingDoc, readingExample),
  modality: documented(
    Modality,
    'What kind of statement it is: official (an official count), reported (a newsroom\'s own finding), estimate, planned (announced, not yet done) or allegation. A realized figure (official or reported) published later supersedes an estimate or a plan.',
    'official',
  ),
  validAt: documented(IsoDate, 'When the figure is true in the world (the day a toll was counted, the date of a sanctions round), not when it was published: a date or a timestamp.', '2026-02-01'),
}

export const correctionChangeFields = {
  value: documented(FigureInput.optional(), `The corrected figure. ${claimFields.value.description ?? ''}`, '400'),
  citation: documented(z.object(citationFields).strict().optional(), 'The corrected citation.', { quote: 'left 400 homes without power' }),
  attributedTo: documented(claimFields.attributedTo.optional(), 'Who the figure is attributed to, corrected.', 'Coastal Power'),
  via: documented(ViaInput.optional(), 'The relay chain, corrected.', []),
  modality: documented(Modality.optional(), `The kind of statement, corrected. ${claimFields.modality.description ?? ''}`, 'reported'),
  validAt: documented(IsoDate.optional(), 'When the figure is true in the world, corrected.', '2026-02-02'),
  reading: documented(ReadingInput.nullable().optional(), `${readingDoc} null removes the reading (the quote now prints the value).`, null),
}

/**
 * A retraction or correction prompted by the source's own published correction:
 * name the source revision that published it (its date is used), or give the
 * date it became public. Without either it applies on every publication date.
 */
export const publishedCorrectionFields = {
  sourceRevision: documented(
    z.number().int().positive().optional(),
    "When this follows the source's own published correction: the source revision that published it. It then counts from that revision's date on the publication clock (knownAt), and before it the claim stands as first printed. Without sourceRevision or effectiveAt it fixes our own transcription and applies on every date.",
    1,
  ),
  effectiveAt: documented(IsoDate.optional(), "Instead of sourceRevision: when the source's correction became public (not before the claim was published).", '2026-02-04'),
}

export const ids = {
  claimToPin: documented(ClaimId, 'The claim whose figure editors prefer; it must be filed under this fact.', '01936d7e-1600-7000-8000-c1a100000001'),
  toFactId: documented(FactId, 'The fact the claim should have been filed under.', 'ilse-homes-damaged'),
  disputeId: documented(z.string().trim().min(1, 'name the dispute to resolve').max(200), 'The dispute to resolve, by the disputeId GET /claims/:id lists.', '01936d7e-1600-7000-8000-e1a100000001'),
  retractedAt: documented(IsoDate, 'When the publisher withdrew the article; from then on the publication clock leaves its claims out.', '2026-02-06'),
  aboutTolerance: documented(z.number().min(0).max(0.5), 'Relative tolerance for "about" figures: 0.05 reads "about 180" as 171 to 189.', 0.05),
}
