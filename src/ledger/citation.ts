import type { z } from 'zod'
import type { Citation } from '../../events/claim-events.js'
import { type LedgerError, fail } from './errors.js'
import type { CitationInput as CitationInputSchema } from './input-fields.js'
import type { SnapshotVersion } from './snapshot.js'

/** A citation as editors send it (input-fields.ts): the event's Citation without `verified`. */
export type CitationInput = z.infer<typeof CitationInputSchema>

type Verified = { ok: true; citation: Citation } | { ok: false; error: LedgerError }

/**
 * Pin a quote to the source's words. With snapshots the quote must occur in
 * one version: the version named, else the earliest that has it (so a quote
 * printed since the first publication is public from then, and one found only
 * in a revision from that revision's date); at the given offsets when they
 * are given, else at its first occurrence. The citation stores the offsets and
 * the version they refer to. Without a snapshot it is kept as given, unverified.
 */
export function verifyCitation(citation: CitationInput, versions: readonly SnapshotVersion[], field = 'citation'): Verified {
  const { quote, start, end, snapshotVersion } = citation
  if ((start === undefined) !== (end === undefined)) {
    return { ok: false, error: fail.invalid([{ path: `${field}.${start === undefined ? 'start' : 'end'}`, message: 'start and end go together' }]) }
  }
  if (start !== undefined && end !== undefined && end - start !== quote.length) {
    return { ok: false, error: fail.invalid([{ path: `${field}.end`, message: `end - start must equal the quote's length (${quote.length})` }]) }
  }
  if (versions.length === 0) {
    if (snapshotVersion !== undefined) return { ok: false, error: fail.invariant(`${field}.snapshotVersion`, 'the source has no saved snapshot to point into') }
    return { ok: true, citation: { quote, ...(start !== undefined ? { start, end } : {}), verified: false } }
  }
  const candidates = snapshotVersion === undefined ? versions : versions.filter((v) => v.version === snapshotVersion)
  if (candidates.length === 0) {
    const known = versions.map((v) => v.version).join(', ')
    return { ok: false, error: fail.invariant(`${field}.snapshotVersion`, `the source has no snapshot version ${snapshotVersion} (it has ${known})`) }
  }
  for (const v of candidates) {
    const at = start !== undefined ? (v.text.slice(start, start + quote.length) === quote ? start : -1) : v.text.indexOf(quote)
    if (at >= 0) return { ok: true, citation: { quote, start: at, end: at + quote.length, verified: true, snapshotVersion: v.version } }
  }
  const which = snapshotVersion === undefined ? 'any version of the source snapshot' : `snapshot version ${snapshotVersion}`
  if (start !== undefined) return { ok: false, error: fail.invariant(`${field}.start`, `${which} does not have the quote at ${start}-${end}`) }
  return { ok: false, error: fail.invariant(`${field}.quote`, `the quote does not occur in ${which}`) }
}
