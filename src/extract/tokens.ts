import { dashes, invisibleCharacters } from '../../events/quantity/normalize.js'

/**
 * Words, numbers and punctuation with their offsets in the original text.
 * Matching runs on a folded copy of the same length (curly quotes straight,
 * dashes plain, invisible marks as spaces), so every offset found in the
 * copy is an offset in the text the editor sees.
 */

export interface Token {
  kind: 'num' | 'word' | 'punct'
  text: string
  lower: string
  start: number
  end: number
}

/** Same length as the input: each folded character replaces exactly one. No-break spaces stay (they group digits). */
export function foldForMatching(text: string): string {
  return text
    .replace(invisibleCharacters, ' ')
    .replace(dashes, '-')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
}

const tokenPattern = new RegExp(
  [
    // a number: optional currency, digits grouped by commas or no-break/thin spaces, optional decimals
    String.raw`(?<num>(?:US\$|[$€£])?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00A0\u202F\u2009]\d{3})+(?!\d)|\d+)(?:\.\d+)?)`,
    // an abbreviation written with periods: U.S., U.N., a.m.
    String.raw`(?<abbr>(?:\p{L}\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Gov|Rep|Lt|Col|Capt|Sgt|Jr|Sr)\.)`,
    // a word, with inner apostrophes and hyphens: "sheriff's", "twenty-one", "Cabinet-level"
    String.raw`(?<word>\p{L}[\p{L}\p{M}']*(?:-\p{L}[\p{L}\p{M}']*)*)`,
    String.raw`(?<punct>\S)`,
  ].join('|'),
  'gu',
)

/** Tokens of `folded.slice(start, end)`, with offsets into the whole text. */
export function tokenize(folded: string, start: number, end: number): Token[] {
  const tokens: Token[] = []
  const slice = folded.slice(start, end)
  for (const m of slice.matchAll(tokenPattern)) {
    const text = m[0].replace(/'$/, '')
    const groups = m.groups!
    const kind = groups.num !== undefined ? 'num' : groups.punct !== undefined ? 'punct' : 'word'
    const at = start + m.index!
    tokens.push({ kind, text, lower: text.toLowerCase(), start: at, end: at + text.length })
    if (text.length < m[0].length) tokens.push({ kind: 'punct', text: "'", lower: "'", start: at + text.length, end: at + m[0].length })
  }
  return tokens
}

/** Two tokens written with nothing between them ("G" "20", "20" "th"). */
export function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start
}
