import nlp from 'compromise/two'
import { dashes, invisibleCharacters } from '../../events/quantity/normalize.js'
import { numberWordList } from '../../events/quantity/number-words.js'

/**
 * Words, numbers and punctuation with their offsets in the original text,
 * and the part of speech compromise gives each word. compromise decides
 * where terms begin and end (and where sentences do, see sentences.ts);
 * one term can hold a number with its sign or unit ("4.2%", "$15m", "G20",
 * "20th"), which the rules need apart, so a term's text is split into
 * number, word and sign pieces here. Matching runs on a folded copy of the
 * same length (curly quotes straight, dashes plain, invisible marks as
 * spaces), so every offset found in the copy is an offset in the text the
 * editor sees.
 */

export interface Token {
  kind: 'num' | 'word' | 'punct'
  text: string
  lower: string
  start: number
  end: number
  /** compromise's tags for the term the token comes from ("Noun", "Plural", "Actor", "PastTense", "Value", ...). */
  tags: ReadonlySet<string>
}

/** Same length as the input: each folded character replaces exactly one. No-break spaces stay (they group digits). */
export function foldForMatching(text: string): string {
  return text
    .replace(invisibleCharacters, ' ')
    .replace(dashes, '-')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
}

/** Inside one compromise term: a number (optional currency, grouped digits, decimals), an abbreviation, a word, or a sign. */
const piecePattern = new RegExp(
  [
    String.raw`(?<num>(?:US\$|[$€£])?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)`,
    String.raw`(?<abbr>(?:\p{L}\.){2,})`,
    String.raw`(?<word>\p{L}[\p{L}\p{M}']*(?:-\p{L}[\p{L}\p{M}']*)*)`,
    String.raw`(?<punct>\S)`,
  ].join('|'),
  'gu',
)
/** Titles compromise keeps apart from their period ("Dr", "."); the rules read them as one word, as written. */
const titles = /^(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Gov|Rep|Lt|Col|Capt|Sgt|Jr|Sr|Supt|Insp|Det|St|Mt)$/
const noTags: ReadonlySet<string> = new Set()

function piece(kind: Token['kind'], text: string, start: number, tags: ReadonlySet<string>): Token {
  return { kind, text, lower: text.toLowerCase(), start, end: start + text.length, tags }
}

/** Pieces of `segment.slice(start, end)`; `base` is where the segment starts in the whole text. */
function pieces(segment: string, base: number, start: number, end: number, tags: ReadonlySet<string>, into: Token[]): void {
  for (const m of segment.slice(start, end).matchAll(piecePattern)) {
    const groups = m.groups!
    const kind = groups.num !== undefined ? 'num' : groups.punct !== undefined ? 'punct' : 'word'
    const at = base + start + m.index!
    // A plural possessive keeps its apostrophe apart ("students' union"); a lone apostrophe stays itself.
    const text = kind === 'word' ? m[0].replace(/'$/, '') : m[0]
    into.push(piece(kind, text, at, kind === 'punct' ? noTags : tags))
    if (text.length < m[0].length) into.push(piece('punct', "'", at + text.length, noTags))
  }
}

interface Term {
  text: string
  pre: string
  post: string
  tags: string[]
  offset: { start: number; length: number }
}

/**
 * Tokens of the terms compromise found in a segment of the text, with
 * offsets into the whole text. Words compromise splits at a hyphen
 * ("twenty-one", "Cabinet-level") and digits grouped by a no-break space
 * ("2 400") are joined back: the Quantity parser reads them whole.
 */
function termsToTokens(segment: string, terms: readonly Term[], base: number): Token[] {
  const tokens: Token[] = []
  const folded = { slice: (a: number, b: number) => segment.slice(a - base, b - base) }
  for (const term of terms) {
    const tags = new Set(term.tags)
    const textStart = term.offset.start
    const textEnd = textStart + term.offset.length
    const preStart = textStart - term.pre.length
    pieces(segment, base, preStart, textStart, noTags, tokens)
    const before = tokens.length
    pieces(segment, base, textStart, textEnd, tags, tokens)
    const last = tokens[tokens.length - 1]
    const previous = tokens[before - 1]
    // "Dr" "." -> "Dr."
    if (last && tokens.length === before + 1 && titles.test(last.text) && segment[textEnd] === '.') {
      tokens[tokens.length - 1] = piece('word', `${last.text}.`, last.start, tags)
      pieces(segment, base, textEnd + 1, textEnd + term.post.length, noTags, tokens)
      continue
    }
    // "twenty" "-" + "one" -> "twenty-one"
    if (previous && last && tokens.length === before + 1 && last.kind === 'word' && previous.text === '-' && previous.end === last.start) {
      const word = tokens[before - 2]
      if (word?.kind === 'word' && word.end === previous.start) {
        tokens.splice(before - 2, 3, piece('word', folded.slice(word.start, last.end), word.start, new Set([...word.tags, ...tags])))
      }
    }
    // "2" + "400" (a no-break or thin space between digit groups) -> "2 400"
    if (previous?.kind === 'num' && last?.kind === 'num' && tokens.length === before + 1 && /^\d{3}(?:\.\d+)?$/.test(last.text) && /^[\u00A0\u202F\u2009]$/.test(folded.slice(previous.end, last.start)) && /^(?:[$€£]|US\$)?\d{1,3}(?:[\u00A0\u202F\u2009]\d{3})*$/.test(previous.text)) {
      tokens.splice(before - 1, 2, piece('num', folded.slice(previous.start, last.end), previous.start, tags))
    }
    pieces(segment, base, textEnd, textEnd + term.post.length, noTags, tokens)
  }
  return tokens
}

type ReadJson = Array<{ terms: Term[] }>
const read = (doc: ReturnType<typeof nlp>): ReadJson => doc.json({ offset: true, terms: { offset: true } }) as ReadJson
const numberWords = new Set(numberWordList)
const mayHoldFigure = (tokens: Token[]) => tokens.some((t) => t.kind === 'num' || t.lower.split('-').some((w) => numberWords.has(w)))
/** A sentence that names a speaker is tagged too: a later "the company said" or "it said" refers back to it (speaker-memory.ts). */
const mayNameSpeaker = (tokens: Token[]) => tokens.some((t) => /^(?:said|says|told|announced|according|reported|confirmed|estimated)$/.test(t.lower))

/**
 * compromise's reading of one stretch of folded text (a paragraph, its
 * line breaks already turned into spaces): its sentences, each with offsets
 * into the whole text (`segment` starts at `base`) and its tokens. Tagging
 * costs about ten times tokenizing, so only a sentence that may hold a
 * figure (a digit or a number word) or name a speaker is tagged; the rules read no other.
 */
export function readSentences(segment: string, base: number): Array<{ start: number; end: number; tokens: Token[] }> {
  const sentences: Array<{ start: number; end: number; tokens: Token[] }> = []
  for (const s of read(nlp.tokenize(segment))) {
    let tokens = termsToTokens(segment, s.terms, base)
    if (tokens.length === 0) continue
    // A sentence runs from its first token to its last, opening quotes and closing marks included
    // (compromise's own sentence offsets start at the first word but count the marks before it).
    const start = tokens[0]!.start
    const end = tokens[tokens.length - 1]!.end
    if (mayHoldFigure(tokens) || mayNameSpeaker(tokens)) {
      const own = segment.slice(start - base, end - base)
      tokens = read(nlp(own)).flatMap((tagged) => termsToTokens(own, tagged.terms, start))
    }
    sentences.push({ start, end, tokens })
  }
  return sentences
}

/** Two tokens written with nothing between them ("G" "20", "20" "th"). */
export function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start
}
