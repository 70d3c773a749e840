import { foldForMatching, readSentences, type Token } from './tokens.js'

/**
 * Sentences with their offsets and tokens, as compromise splits them (it
 * knows "the U.S. Treasury", "Nov. 27" and "Dr. Diaz" do not end a
 * sentence). A line break is a boundary (headlines, captions and datelines
 * stand on their own lines) unless the text is hard-wrapped: a line that
 * ends without closing punctuation and is followed by one that starts in
 * lower case or with a digit continues on it.
 */

export interface Sentence {
  text: string
  start: number
  end: number
  /** Index of the paragraph (block of text between blank lines or line breaks). */
  paragraph: number
  /** A line with no closing punctuation: a headline, caption or dateline. */
  isHeading: boolean
  /** compromise's terms as tokens, offsets into the text; matching runs on the folded text (see tokens.ts). */
  tokens: Token[]
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

/** Lines joined where the text is hard-wrapped, as [start, end) spans of the text. */
function lineGroups(text: string): Array<{ start: number; end: number }> {
  const groups: Array<{ start: number; end: number }> = []
  let lineStart = 0
  let previousBlank = true
  for (const line of text.split(/(?<=\n)/)) {
    const lineEnd = lineStart + line.length
    const blank = line.trim().length === 0
    const last = groups[groups.length - 1]
    if (!blank && !previousBlank && last && !/[.!?:;"'”’)\]…]\s*$/.test(text.slice(last.start, last.end)) && /^\s*[\p{Ll}\d]/u.test(line)) last.end = lineEnd
    else if (!blank) groups.push({ start: lineStart, end: lineEnd })
    previousBlank = blank
    lineStart = lineEnd
  }
  return groups
}

export function splitSentences(text: string): Sentence[] {
  const folded = foldForMatching(text)
  const sentences: Sentence[] = []
  lineGroups(text).forEach((group, paragraph) => {
    // Inner line breaks of a hard-wrapped paragraph read as spaces (same length, so offsets hold).
    const segment = folded.slice(group.start, group.end).replace(/[\r\n](?=[\s\S]*\S)/g, ' ')
    for (const read of readSentences(segment, group.start)) {
      const { start, end } = trimmed(text, read.start, read.end)
      if (end <= start) continue
      const sentenceText = text.slice(start, end)
      sentences.push({
        text: sentenceText,
        start,
        end,
        paragraph,
        isHeading: !/[.!?:;"'”’)\]…]$/.test(sentenceText) && !sentenceText.includes('. '),
        tokens: read.tokens,
      })
    }
  })
  return sentences
}
