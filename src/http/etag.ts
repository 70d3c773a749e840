/**
 * Entity tags are the stream revision in quotes: `"3"`. An editor sends the
 * ETag of what they read back as If-Match; the ledger then refuses the write
 * if the stream moved on (409 with the current revision).
 */
export const formatEtag = (revision: bigint): string => `"${revision}"`

export type IfMatch =
  | { kind: 'absent' }
  | { kind: 'any' }
  | { kind: 'revision'; revision: bigint }
  | { kind: 'malformed'; reason: string }

/** Parse If-Match. Weak tags never match (RFC 9110 strong comparison) and a list of several is not a single expected revision. */
export function parseIfMatch(header: string | string[] | undefined): IfMatch {
  if (header === undefined) return { kind: 'absent' }
  const value = (Array.isArray(header) ? header.join(',') : header).trim()
  if (value === '*') return { kind: 'any' }
  if (value.startsWith('W/')) return { kind: 'malformed', reason: 'a weak entity tag cannot be used with If-Match; send the ETag as received, e.g. "3"' }
  const match = /^"(0|[1-9]\d{0,18})"$/.exec(value)
  if (!match) return { kind: 'malformed', reason: `If-Match must be one entity tag with the stream revision, e.g. "3" (quotes included); got ${JSON.stringify(value.slice(0, 40))}` }
  return { kind: 'revision', revision: BigInt(match[1]!) }
}
