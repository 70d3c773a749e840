import type { PublishedCorrection } from '../../events/claim-events.js'
import type { RecordedEvent } from '../../events/envelope.js'
import { instant } from '../../projections/facts/clock.js'
import { type LedgerError, fail } from './errors.js'
import { sourceRevisionDates } from './snapshot.js'

/**
 * A retraction or correction that follows the source's own published
 * correction counts on the publication clock from that correction's date:
 * the date of the linked source revision, or the date given. It cannot be
 * public before the source itself was.
 */
export function resolvePublishedCorrection(
  given: { sourceRevision?: number | undefined; effectiveAt?: string | undefined },
  source: { events: readonly RecordedEvent[]; publishedAt: string },
): { ok: true; value: PublishedCorrection | undefined } | { ok: false; error: LedgerError } {
  if (given.sourceRevision !== undefined) {
    const dates = sourceRevisionDates(source.events)
    const revisedAt = dates.get(given.sourceRevision)
    if (revisedAt === undefined) {
      const has = dates.size === 0 ? 'it has no revisions; record the publisher’s correction as a source revision first' : `it has revisions 1 to ${dates.size}`
      return { ok: false, error: fail.invariant('sourceRevision', `the claim's source has no revision ${given.sourceRevision}: ${has}`) }
    }
    return { ok: true, value: { sourceRevision: given.sourceRevision, effectiveAt: revisedAt } }
  }
  if (given.effectiveAt === undefined) return { ok: true, value: undefined }
  if (instant(given.effectiveAt, 'end') < instant(source.publishedAt)) {
    return { ok: false, error: fail.invariant('effectiveAt', `${given.effectiveAt} is before the source was published (${source.publishedAt})`) }
  }
  return { ok: true, value: { effectiveAt: given.effectiveAt } }
}
