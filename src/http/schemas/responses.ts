import { z } from 'zod'
import { EventLine } from '../../interchange/ndjson-event.js'
import { InclusionPromise } from '../../ledger/tamper/signed-head.js'
import { ClaimDoc, FactDoc, FactView, SourceDoc } from '../../../projections/model.js'

// Named in the OpenAPI document's components, so clients see one schema per domain shape.
z.globalRegistry.add(FactView, { id: 'FactView' })
z.globalRegistry.add(FactDoc, { id: 'FactDoc' })
z.globalRegistry.add(ClaimDoc, { id: 'ClaimDoc' })
z.globalRegistry.add(SourceDoc, { id: 'SourceDoc' })
z.globalRegistry.add(EventLine, { id: 'EventLine' })

const Next = z.string().nullable().describe('cursor for the next page; null on the last page')

export const FactPage = z.object({ items: z.array(FactView), next: Next })
export const SourcePage = z.object({ items: z.array(SourceDoc), next: Next })
export const EventPage = z.object({
  items: z.array(EventLine),
  next: z.string().nullable().describe('position to pass as `from` for the next page; null when the log has no more events'),
})

/** One moment in a fact's life, placed on all three clocks. */
export const TimelineEntry = z.object({
  position: z.string().describe('ledger clock: global position of the event'),
  recordedAt: z.string().describe('ledger clock: when the ledger recorded it'),
  action: z.string().describe('defined, pinned, unpinned, or a claim lifecycle action'),
  claimId: z.string().optional(),
  publishedAt: z.string().optional().describe("publication clock: the claim's source publication date"),
  validAt: z.string().optional().describe('valid-time clock: when the claimed figure was true in the world'),
  value: z.string().optional().describe('the figure as said, for claim events'),
  reason: z.string().optional(),
})

const IdChange = z.object({ added: z.array(z.string()), removed: z.array(z.string()) })

/** One change of a fact's view: the headline of the new view and what changed, not the whole view again. */
export const FactVersion = FactView.pick({ status: true, display: true, value: true, origins: true, summary: true, policyVersion: true })
  .extend({
    position: z.string().describe('ledger position where the view changed'),
    changes: z
      .object({
        supporting: IdChange,
        superseded: IdChange,
        conflicting: IdChange,
        excluded: z.object({ added: FactView.shape.excluded, removed: z.array(z.string()) }),
      })
      .describe('claim ids that entered or left each role since the previous version (the first version: everything added)'),
    view: z.string().describe('where the whole view at this position is: GET /facts/:id?asOf=position'),
  })
  .meta({ id: 'FactVersion' })

export const FactHistory = z.object({
  factId: z.string(),
  fact: FactDoc,
  versions: z.array(FactVersion).describe('changes of the reconciled view, oldest first, one page of them'),
  next: Next,
})

export const FactClaimsPage = z.object({
  factId: z.string(),
  items: z.array(ClaimDoc).describe('claims filed under the fact now or at any point, by claim id'),
  sources: z.array(SourceDoc).describe("the sources of this page's claims"),
  next: Next,
})

export const FactTimelinePage = z.object({
  factId: z.string(),
  items: z.array(TimelineEntry).describe('events of the fact and its claims, in ledger order'),
  next: Next,
})

export const ClaimResponse = z.object({ claim: ClaimDoc, source: SourceDoc.nullable(), revision: z.string() })

export const WriteResult = z
  .object({
    id: z.string().describe('id of the entity created or changed'),
    stream: z.string(),
    revision: z.string().describe('stream revision after the write: the next If-Match'),
    position: z.string().describe('global ledger position of the event'),
    eventId: z.string(),
    type: z.string().describe('event type written, e.g. ClaimCorrected'),
    inclusionPromise: InclusionPromise.describe("the ledger key's signed promise that this event is at `position` and in every tree head from now on (like a certificate's SCT)"),
  })
  .meta({ id: 'WriteResult' })
