import { z } from 'zod'
import { Citation, EditorsReading, Modality, PublishedCorrection } from '../events/claim-events.js'
import { FactKind } from '../events/fact-events.js'
import { Quantity } from '../events/quantity/quantity.js'

/**
 * The documents the projections keep, one per entity stream, each folded by a
 * pure `evolve*` reducer from that stream's events. They are zod schemas so the
 * HTTP layer serves and documents exactly these shapes.
 */

/** Where an event sits on the ledger clock: enough to cite it in an audit. */
export const LedgerStamp = z.object({
  eventId: z.string(),
  type: z.string(),
  position: z.string().describe('global position (bigint as a string)'),
  revision: z.string().describe('revision in its stream (bigint as a string)'),
  recordedAt: z.string(),
  actor: z.string(),
  role: z.string(),
})
export type LedgerStamp = z.infer<typeof LedgerStamp>

export const SourceDoc = z.object({
  sourceId: z.string(),
  url: z.string().optional(),
  publisher: z.string(),
  title: z.string(),
  author: z.string().optional(),
  publishedAt: z.string(),
  retrievedAt: z.string().optional(),
  origin: z.string(),
  tier: z.number().int(),
  /** sha256 of the latest snapshot version. */
  snapshotSha256: z.string().optional(),
  /**
   * Every snapshot text the ledger holds, oldest first; none is ever overwritten.
   * `version` 0 is the text registered with the source, n the text of revision n;
   * `publishedAt` is when that text became public (the revision's date).
   */
  snapshots: z
    .array(z.object({ version: z.number().int().nonnegative(), sha256: z.string(), publishedAt: z.string(), revisionOf: z.number().int().nonnegative().nullable() })),
  retracted: z.object({ reason: z.string(), at: z.string() }).nullable(),
  revisions: z.array(
    z.object({
      /** 1 for the first revision: what citations and published corrections link to. */
      revision: z.number().int().positive(),
      note: z.string(),
      revisedAt: z.string(),
      snapshotSha256: z.string().optional(),
      stamp: LedgerStamp,
    }),
  ),
  registered: LedgerStamp,
  lastPosition: z.string(),
})
export type SourceDoc = z.infer<typeof SourceDoc>

export const FactDoc = z.object({
  factId: z.string(),
  question: z.string(),
  subject: z.string(),
  unit: z.string(),
  kind: FactKind,
  timeVarying: z.boolean(),
  subsetOf: z.string().optional(),
  pin: z.object({ claimId: z.string(), reason: z.string(), stamp: LedgerStamp }).nullable(),
  pinHistory: z.array(
    z.object({ action: z.enum(['pinned', 'unpinned']), claimId: z.string().optional(), reason: z.string(), stamp: LedgerStamp }),
  ),
  defined: LedgerStamp,
  lastPosition: z.string(),
})
export type FactDoc = z.infer<typeof FactDoc>

/** One step of a claim's life, with what it changed (the old values are never lost). */
export const ClaimLifecycleEntry = z.object({
  action: z.enum(['recorded', 'corrected', 'retracted', 'disputed', 'dispute-resolved', 'reassigned']),
  reason: z.string().optional(),
  /** A correction or retraction that follows the source's own published correction: when it became public. */
  publishedCorrection: PublishedCorrection.optional(),
  /** For a dispute and its resolution: the dispute's id, and how it was resolved. */
  disputeId: z.string().optional(),
  outcome: z.enum(['upheld', 'dismissed']).optional(),
  /** For corrections: the fields before and after. For reassignments: from/to fact. */
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()).optional(),
  stamp: LedgerStamp,
})
export type ClaimLifecycleEntry = z.infer<typeof ClaimLifecycleEntry>

/** An editor's dispute of a claim: open until resolved (upheld takes the claim out; dismissed lets it count). */
export const ClaimDispute = z.object({
  /** The id of the ClaimDisputed event: what a resolution names. */
  disputeId: z.string(),
  reason: z.string(),
  openedAt: z.string(),
  by: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  resolution: z.object({ outcome: z.enum(['upheld', 'dismissed']), reason: z.string(), at: z.string(), by: z.string(), stamp: LedgerStamp }).optional(),
  stamp: LedgerStamp,
})
export type ClaimDispute = z.infer<typeof ClaimDispute>

export const ClaimDoc = z.object({
  claimId: z.string(),
  /** The fact it is filed under now (after reassignments). */
  factId: z.string(),
  sourceId: z.string(),
  citation: Citation,
  attributedTo: z.string(),
  via: z.array(z.string()),
  value: Quantity,
  /** The value is the editor's reading of the quote, with why; null when the quote prints it. */
  reading: EditorsReading.nullable(),
  modality: Modality,
  validAt: z.string(),
  retracted: z.object({ reason: z.string(), stamp: LedgerStamp, publishedCorrection: PublishedCorrection.optional() }).nullable(),
  disputes: z.array(ClaimDispute),
  /** Facts this claim was filed under before (oldest first). */
  reassignedFrom: z.array(z.string()),
  lifecycle: z.array(ClaimLifecycleEntry),
  lastPosition: z.string(),
})
export type ClaimDoc = z.infer<typeof ClaimDoc>

export const FactStatus = z.enum(['confirmed', 'single-source', 'conflicting', 'pinned', 'no-claims'])
export type FactStatus = z.infer<typeof FactStatus>

/** A machine-readable and human-readable step of the reconciliation. */
export const ExplanationStep = z.object({
  step: z.enum(['valid-time', 'dropped', 'corrected', 'reading', 'disputed', 'pinned', 'superseded', 'intersected', 'conflict', 'no-claims']),
  detail: z.string(),
  claimIds: z.array(z.string()).default([]),
})
export type ExplanationStep = z.infer<typeof ExplanationStep>

export const FactView = z.object({
  factId: z.string(),
  question: z.string(),
  unit: z.string(),
  kind: FactKind,
  /** The reconciled value: the tightest interval consistent with the claims; null without claims. */
  value: Quantity.nullable(),
  /** The value as a person would say it: "21", "more than 2,400". */
  display: z.string(),
  status: FactStatus,
  /** Number of independent origins supporting the value. */
  origins: z.number().int().nonnegative(),
  /** Who the supporting claims attribute the figure to, e.g. ["U.S. Treasury"]. */
  attributedTo: z.array(z.string()),
  supporting: z.array(z.string()),
  superseded: z.array(z.string()),
  conflicting: z.array(z.string()),
  /** Open disputes on the claims filed under the fact in this view: how many, and the editors' reasons. */
  disputes: z.object({ open: z.number().int().nonnegative(), reasons: z.array(z.string()) }),
  /** Claims left out before reconciling (retracted, reassigned away, not yet published, ...), with why. */
  excluded: z.array(z.object({ claimId: z.string(), reason: z.string() })),
  explanation: z.array(ExplanationStep),
  /** One-line reason for people: "21 per U.S. Treasury, reported by 3 independent outlets". */
  summary: z.string(),
  policyVersion: z.number().int(),
  /** The clocks this view was computed at. */
  asOf: z.object({
    position: z.string().describe('ledger position the view reflects'),
    knownAt: z.string().nullable(),
    validAt: z.string().nullable(),
  }),
})
export type FactView = z.infer<typeof FactView>

/** The reconciliation policy in force; changed only by a PolicyAdopted event. */
export const Policy = z.object({
  version: z.number().int().positive(),
  /** Relative tolerance for "about 180": [180*(1-t), 180*(1+t)]. */
  aboutTolerance: z.number().min(0).max(0.5),
  /** Relative reach below a "nearly 2,000": [2000*(1-t), 2000). */
  nearlyTolerance: z.number().min(0).max(0.5),
})
export type Policy = z.infer<typeof Policy>

/**
 * The policy in force before any PolicyAdopted: version 2. Version 1 was the
 * reconciliation before issue #12; version 2 changed what it computes from
 * the same events: a claim under open dispute no longer counts towards
 * `confirmed` and an upheld dispute leaves it out; supersession within an
 * origin goes by publication time, the originating outlet stands over its
 * reprints and a reprint never outranks what it reprints; a quote found only
 * in a revision is public from that revision, and corrections that follow a
 * source's published correction count from its date. Views, history rows and
 * receipts carry the version, so each says which rules computed it.
 * An adopted policy numbers itself after the one in force (3, 4, ...).
 */
export const defaultPolicy: Policy = { version: 2, aboutTolerance: 0.05, nearlyTolerance: 0.1 }
