import type { ClaimDoc } from '../model.js'
import { instant } from './clock.js'

/**
 * A claim as the public record had it at `knownAt`. Our own transcription
 * fixes apply on every date (the source always said the corrected thing), but
 * a correction or retraction that follows the source's published correction
 * only counts from that correction's date: before it, the claim stood as
 * first printed. The claim document is folded with everything, so the later
 * corrections are undone here, newest first, from the values they replaced.
 */
export function claimAsKnownAt(claim: ClaimDoc, knownAt: string | null): ClaimDoc {
  if (knownAt === null) return claim
  const until = instant(knownAt, 'end')
  const notYet = (effectiveAt: string | undefined) => effectiveAt !== undefined && instant(effectiveAt) > until
  let doc = claim
  if (doc.retracted && notYet(doc.retracted.publishedCorrection?.effectiveAt)) doc = { ...doc, retracted: null }
  for (const entry of [...claim.lifecycle].reverse()) {
    if (entry.action !== 'corrected' || !notYet(entry.publishedCorrection?.effectiveAt)) continue
    doc = { ...doc, ...(entry.before as Partial<ClaimDoc>) }
  }
  return doc
}

/** A source correction that the view at `knownAt` does not include yet (for the explanation). */
export function pendingCorrections(claim: ClaimDoc, knownAt: string | null): string[] {
  if (knownAt === null) return []
  const until = instant(knownAt, 'end')
  return claim.lifecycle
    .filter((e) => (e.action === 'corrected' || e.action === 'retracted') && e.publishedCorrection && instant(e.publishedCorrection.effectiveAt) > until)
    .map((e) => `${e.action === 'retracted' ? 'retraction' : 'correction'} published ${e.publishedCorrection!.effectiveAt}`)
}
