import type { Interval } from '../../events/quantity/interval.js'
import type { ClaimDoc, Policy, SourceDoc } from '../model.js'
import { intervalUnderPolicy } from './claim-interval.js'
import { dayOf, instant, parsedDate } from './clock.js'
import { nameKey } from './prose.js'

/** A claim with what reconciliation needs to know about it: its source, its interval under the policy, its place on two clocks. */
export interface Candidate {
  claim: ClaimDoc
  source: SourceDoc
  interval: Interval
  /** When the quoted words became public (ISO): the date of the snapshot version the citation names. */
  publishedAt: string
  /** The same, in ms since the epoch. */
  published: number
  /** The snapshot version the quote comes from, when it is a revision (1, 2, ...); null for the first publication. */
  revision: number | null
  /** Ledger position of its ClaimRecorded. */
  recordedAt: bigint
  /** The outlet whose reporting this is, by name, when it is another than the publisher ("relaying Wire"); null for own reporting. */
  relays: string | null
}

/**
 * When the claim became public: a quote found only in a revised snapshot is
 * public from that revision's date, not from the first publication.
 */
function publicationOf(claim: ClaimDoc, source: SourceDoc): { publishedAt: string; revision: number | null } {
  const version = claim.citation.snapshotVersion
  if (version === undefined || version === 0) return { publishedAt: source.publishedAt, revision: null }
  const snapshot = source.snapshots.find((s) => s.version === version)
  if (!snapshot) throw new Error(`reconcile: claim ${claim.claimId} quotes snapshot version ${version}, which source ${source.sourceId} does not have`)
  return { publishedAt: snapshot.publishedAt, revision: version }
}

export function toCandidate(claim: ClaimDoc, sources: ReadonlyMap<string, SourceDoc>, policy: Policy): Candidate {
  const source = sources.get(claim.sourceId)
  if (!source) throw new Error(`reconcile: claim ${claim.claimId} cites source ${claim.sourceId}, which the caller did not pass`)
  const recorded = claim.lifecycle.find((e) => e.action === 'recorded')
  if (!recorded) throw new Error(`reconcile: claim ${claim.claimId} has no 'recorded' entry in its lifecycle`)
  const publication = publicationOf(claim, source)
  return {
    claim,
    source,
    interval: intervalUnderPolicy(claim.value, policy),
    ...publication,
    published: instant(publication.publishedAt),
    recordedAt: BigInt(recorded.stamp.position),
    relays: null,
  }
}

/**
 * Is the origin key the publisher's own? Spelling aside ("dailystar" for
 * "Daily Star") and with a qualifier after the name ("Unidentified outlet
 * (seed 001)"), it names the publisher's own newsroom.
 */
export function ownOrigin(source: Pick<SourceDoc, 'publisher' | 'origin'>): boolean {
  const publisher = nameKey(source.publisher)
  return publisher.length > 0 && nameKey(source.origin).startsWith(publisher)
}

/**
 * Name whose reporting each claim relays. The origin is a newsroom key; when
 * it is the publisher's own there is nothing to say. Otherwise the
 * originating outlet is named by its publisher name when one of the sources
 * is that outlet, else by the origin as given.
 */
export function nameRelays(candidates: readonly Candidate[]): Candidate[] {
  // Asked once per source, not per claim: a busy fact has a thousand claims from a few dozen sources.
  const own = new Map<SourceDoc, boolean>()
  const isOwn = (source: SourceDoc) => {
    let known = own.get(source)
    if (known === undefined) own.set(source, (known = ownOrigin(source)))
    return known
  }
  const outletByKey = new Map<string, string>()
  for (const c of candidates) if (isOwn(c.source)) outletByKey.set(nameKey(c.source.origin), c.source.publisher)
  return candidates.map((c) => {
    if (isOwn(c.source)) return c
    return { ...c, relays: outletByKey.get(nameKey(c.source.origin)) ?? c.source.origin }
  })
}

/**
 * Publication order: by when the quoted words became public, ties by ledger
 * position (then claim id, so the order is total). Positive when `a` came
 * later. Used to rank conflicting claims; supersession uses `publishedLater`.
 */
export function compareRecency(a: Candidate, b: Candidate): number {
  if (a.published !== b.published) return a.published - b.published
  if (a.recordedAt !== b.recordedAt) return a.recordedAt > b.recordedAt ? 1 : -1
  return a.claim.claimId < b.claim.claimId ? -1 : a.claim.claimId > b.claim.claimId ? 1 : 0
}

/**
 * Was `a` published strictly after `b`? A bare date says only the day, so a
 * claim dated by day and one with a time on that day were published at the
 * same time as far as the record can tell. Ledger order never counts.
 */
export function publishedLater(a: Candidate, b: Candidate): boolean {
  const x = parsedDate(a.publishedAt)
  const y = parsedDate(b.publishedAt)
  if (x.bare || y.bare) return x.day > y.day
  return a.published > b.published
}

export function byClaimId(a: { claim: ClaimDoc }, b: { claim: ClaimDoc }): number {
  return a.claim.claimId < b.claim.claimId ? -1 : a.claim.claimId > b.claim.claimId ? 1 : 0
}

export function idsOf(candidates: readonly Candidate[]): string[] {
  return candidates.map((c) => c.claim.claimId).sort()
}

/**
 * How explanations name a claim: the figure as said, who published it (and
 * whose reporting, when a publisher relays another newsroom), and when its
 * words became public.
 */
export function nameClaim(c: Candidate): string {
  const relays = c.relays ? ` relaying ${c.relays}` : ''
  const revised = c.revision !== null ? `, revision ${c.revision}` : ''
  return `"${c.claim.value.text}" (${c.source.publisher}${relays}, ${dayOf(c.publishedAt)}${revised})`
}
