/**
 * Text as copied from web pages carries typographic variants of the same
 * characters. Folding them lets one grammar read "2 400" (narrow no-break
 * space), "15–20" (en dash) and a figure wrapped in right-to-left marks.
 */

/** Characters that render as nothing: bidi marks and embeddings, zero-width spaces and joiners, BOM. */
export const invisibleCharacters = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/** Space characters other than the plain space: no-break, narrow no-break, thin, figure, ... */
export const oddSpaces = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g

/** Hyphens and dashes that separate a range or join number words. */
export const dashes = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g

/** C0 controls other than tab/newline/carriage return, DEL, and the replacement character of bad decoding. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const binaryCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/

/** Same length in, same length out: each odd character becomes one plain one (so offsets survive). */
export function foldTypography(s: string): string {
  return s.replace(oddSpaces, ' ').replace(dashes, '-').replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"')
}

/** Lower case, plain spaces and hyphens, invisible marks removed, runs of space collapsed. */
export function normalizePhrase(s: string): string {
  return foldTypography(s.replace(invisibleCharacters, '')).toLowerCase().replace(/\s+/g, ' ').trim()
}
