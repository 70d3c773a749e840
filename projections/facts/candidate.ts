import type { Interval } from '../../events/quantity/interval.js'
import type { ClaimDoc, Policy, SourceDoc } from '../model.js'
import { intervalUnderPolicy } from './claim-interval.js'
import { dayOf, instant } from './clock.js'

/** A claim with what reconciliation needs to know about it: its source, its interval under the policy, its place on two clocks. */
export interface Candidate {
  claim: ClaimDoc
  source: SourceDoc
  interval: Interval
  /** When the source published it (ms since the epoch). */
  published: number
  /** Ledger position of its ClaimRecorded. */
  recordedAt: bigint
}

export function toCandidate(claim: ClaimDoc, sources: ReadonlyMap<string, SourceDoc>, policy: Policy): Candidate {
  const source = sources.get(claim.sourceId)
  if (!source) throw new Error(`reconcile: claim ${claim.claimId} cites source ${claim.sourceId}, which the caller did not pass`)
  const recorded = claim.lifecycle.find((e) => e.action === 'recorded')
  if (!recorded) throw new Error(`reconcile: claim ${claim.claimId} has no 'recorded' entry in its lifecycle`)
  return {
    claim,
    source,
    interval: intervalUnderPolicy(claim.value, policy),
    published: instant(source.publishedAt),
    recordedAt: BigInt(recorded.stamp.position),
  }
}

/**
 * Publication order: by the source's publishedAt, ties by ledger position
 * (then claim id, so the order is total). Positive when `a` came later.
 */
export function compareRecency(a: Candidate, b: Candidate): number {
  if (a.published !== b.published) return a.published - b.published
  if (a.recordedAt !== b.recordedAt) return a.recordedAt > b.recordedAt ? 1 : -1
  return a.claim.claimId < b.claim.claimId ? -1 : a.claim.claimId > b.claim.claimId ? 1 : 0
}

export function byClaimId(a: { claim: ClaimDoc }, b: { claim: ClaimDoc }): number {
  return a.claim.claimId < b.claim.claimId ? -1 : a.claim.claimId > b.claim.claimId ? 1 : 0
}

export function idsOf(candidates: readonly Candidate[]): string[] {
  return candidates.map((c) => c.claim.claimId).sort()
}

/**
 * How explanations name a claim: the figure as said, who published it (and
 * whose reporting, when a publisher relays another newsroom), and when.
 */
export function nameClaim(c: Candidate): string {
  const { publisher, origin } = c.source
  const relays = origin.toLowerCase().startsWith(publisher.toLowerCase()) ? '' : ` relaying ${origin}`
  return `"${c.claim.value.text}" (${publisher}${relays}, ${dayOf(c.source.publishedAt)})`
}
