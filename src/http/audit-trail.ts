import { z } from 'zod'
import type { RecordedEvent } from '../../events/envelope.js'
import type { EventStore } from '../store/port.js'
import type { ReadModelStore } from '../read-model/port.js'

/** The editorial acts an audit lists, by the event that records each. */
export const auditKinds = {
  ClaimCorrected: 'corrected',
  ClaimRetracted: 'retracted',
  ClaimDisputed: 'disputed',
  ClaimDisputeResolved: 'dispute-resolved',
  ClaimReassigned: 'reassigned',
  FactPinned: 'pinned',
  FactUnpinned: 'unpinned',
  SourceRevised: 'source-revised',
  SourceRetracted: 'source-retracted',
} as const
export const AuditKind = z.enum(['corrected', 'retracted', 'disputed', 'dispute-resolved', 'reassigned', 'pinned', 'unpinned', 'source-revised', 'source-retracted'])
export type AuditKind = z.infer<typeof AuditKind>

export const AuditEntry = z.object({
  position: z.string(),
  eventId: z.string(),
  recordedAt: z.string(),
  kind: AuditKind,
  actor: z.string(),
  role: z.string(),
  reason: z.string().nullable(),
  claimId: z.string().nullable(),
  /** The fact the act concerns: the pinned fact, or the fact the claim was filed under when it happened. */
  factId: z.string().nullable(),
  sourceId: z.string().nullable(),
  /** Reassignments: where the claim moved from and to. Dispute resolutions: the outcome. Corrections: the changed fields. */
  fromFactId: z.string().optional(),
  toFactId: z.string().optional(),
  outcome: z.string().optional(),
  changed: z.array(z.string()).optional(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export interface AuditFilter {
  actor?: string
  factId?: string
  kinds?: readonly AuditKind[]
  /** Inclusive bounds on the recording date (yyyy-mm-dd or a timestamp). */
  from?: string
  to?: string
}

export interface AuditPage {
  items: AuditEntry[]
  /** Continue below this position (exclusive); null when the start of the log was reached. */
  next: string | null
}

const WINDOW = 2000n
/** Events read per request at most: a narrow filter on a long log answers with a cursor instead of scanning it all. */
const SCAN_LIMIT = 50_000n

/**
 * The audit trail, newest first: the log is read backwards in windows of
 * positions, so a page costs what it reads, whatever the filter. A claim's
 * fact is looked up in the read model (its current fact and every fact it
 * was filed under before), so "every act on fact F" includes acts on claims
 * since moved away from it.
 */
export async function readAuditTrail(store: EventStore, readModel: ReadModelStore, filter: AuditFilter, options: { before?: bigint; limit: number }): Promise<AuditPage> {
  const head = await store.headPosition()
  let upper = options.before === undefined || options.before > head + 1n ? head + 1n : options.before
  const items: AuditEntry[] = []
  const claimFacts = new Map<string, Promise<string[]>>()
  const factsOfClaim = (claimId: string) => {
    if (!claimFacts.has(claimId)) claimFacts.set(claimId, readModel.getClaim(claimId).then((c) => (c ? [c.factId, ...c.reassignedFrom] : [])))
    return claimFacts.get(claimId)!
  }
  let scanned = 0n
  while (upper > 1n && items.length < options.limit && scanned < SCAN_LIMIT) {
    const lower = upper - 1n > WINDOW ? upper - 1n - WINDOW : 0n
    const window: RecordedEvent[] = []
    for await (const event of store.readAll({ fromPosition: lower, toPosition: upper - 1n })) window.push(event)
    scanned += upper - 1n - lower
    for (const event of window.reverse()) {
      if (items.length >= options.limit) {
        return { items, next: (event.position + 1n).toString() }
      }
      const entry = await auditEntryOf(event, factsOfClaim)
      if (entry && (await matches(entry, filter, factsOfClaim))) items.push(entry)
    }
    upper = lower + 1n
  }
  return { items, next: upper > 1n ? upper.toString() : null }
}

async function auditEntryOf(event: RecordedEvent, factsOfClaim: (id: string) => Promise<string[]>): Promise<AuditEntry | null> {
  const kind = auditKinds[event.type as keyof typeof auditKinds]
  if (!kind) return null
  const data = event.data as Record<string, unknown>
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null)
  const claimId = text('claimId')
  const factId = text('factId') ?? (kind === 'reassigned' ? text('fromFactId') : claimId ? ((await factsOfClaim(claimId))[0] ?? null) : null)
  return {
    position: event.position.toString(),
    eventId: event.id,
    recordedAt: event.metadata.recordedAt,
    kind,
    actor: event.metadata.actor,
    role: event.metadata.role,
    reason: text('reason') ?? text('note'),
    claimId,
    factId,
    sourceId: text('sourceId'),
    ...(kind === 'reassigned' ? { fromFactId: text('fromFactId') ?? '', toFactId: text('toFactId') ?? '' } : {}),
    ...(text('outcome') ? { outcome: text('outcome')! } : {}),
    ...(kind === 'corrected' && data.changes && typeof data.changes === 'object' ? { changed: Object.keys(data.changes) } : {}),
  }
}

async function matches(entry: AuditEntry, filter: AuditFilter, factsOfClaim: (id: string) => Promise<string[]>): Promise<boolean> {
  if (filter.kinds?.length && !filter.kinds.includes(entry.kind)) return false
  if (filter.actor !== undefined && entry.actor.toLowerCase() !== filter.actor.toLowerCase()) return false
  if (filter.from !== undefined && entry.recordedAt.slice(0, filter.from.length) < filter.from) return false
  if (filter.to !== undefined && entry.recordedAt.slice(0, filter.to.length) > filter.to) return false
  if (filter.factId !== undefined) {
    const related = new Set([entry.factId, entry.fromFactId, entry.toFactId, ...(entry.claimId ? await factsOfClaim(entry.claimId) : [])])
    if (!related.has(filter.factId)) return false
  }
  return true
}
