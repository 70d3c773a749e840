import type { Citation } from '../../events/claim-events.js'
import { type LedgerError, fail } from './errors.js'

/**
 * Pin a quote to the source's words. With a snapshot the quote must occur in it:
 * at the given offsets when they are given, else at its first occurrence; the
 * offsets are stored and the citation marked verified. Without a snapshot the
 * citation is kept as given and marked unverified.
 */
export function verifyCitation(
  citation: { quote: string; start?: number | undefined; end?: number | undefined },
  snapshot: string | null,
  field = 'citation',
): { ok: true; citation: Citation } | { ok: false; error: LedgerError } {
  const { quote, start, end } = citation
  if ((start === undefined) !== (end === undefined)) {
    return { ok: false, error: fail.invalid([{ path: `${field}.${start === undefined ? 'start' : 'end'}`, message: 'start and end go together' }]) }
  }
  if (start !== undefined && end !== undefined && end - start !== quote.length) {
    return { ok: false, error: fail.invalid([{ path: `${field}.end`, message: `end - start must equal the quote's length (${quote.length})` }]) }
  }
  if (snapshot === null) return { ok: true, citation: { quote, ...(start !== undefined ? { start, end } : {}), verified: false } }
  if (start !== undefined && end !== undefined) {
    if (snapshot.slice(start, end) !== quote) {
      return { ok: false, error: fail.invariant(`${field}.start`, `the source snapshot does not have the quote at ${start}-${end}`) }
    }
    return { ok: true, citation: { quote, start, end, verified: true } }
  }
  const at = snapshot.indexOf(quote)
  if (at < 0) return { ok: false, error: fail.invariant(`${field}.quote`, 'the quote does not occur in the source snapshot') }
  return { ok: true, citation: { quote, start: at, end: at + quote.length, verified: true } }
}
