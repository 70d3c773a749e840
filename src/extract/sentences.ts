/**
 * Sentences with their offsets, from the built-in Unicode segmenter
 * (UAX #29). ICU breaks after an abbreviation followed by a capital
 * ("the U.S. Treasury", "Nov. 27"), which news text is full of, so those
 * breaks are undone here. A line break is a boundary (headlines, captions
 * and datelines stand on their own lines) unless the text is hard-wrapped:
 * a line that ends without closing punctuation and is followed by one that
 * starts in lower case or with a digit continues on it.
 */

export interface Sentence {
  text: string
  start: number
  end: number
  /** Index of the paragraph (block of text between blank lines or line breaks). */
  paragraph: number
  /** A line with no closing punctuation: a headline, caption or dateline. */
  isHeading: boolean
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Abbreviations after which a capital letter does not start a new sentence. */
const abbreviation =
  /(?:^|[\s(“"'])(?:[A-Z]\.(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Col|Lt|Capt|Sgt|Adm|Maj|Cmdr|Supt|Insp|Det|St|Ste|Mt|Ft|Jr|Sr|Co|Corp|Inc|Ltd|No|Nos|Vol|Art|Sec|Dept|Univ|Ave|Blvd|Rd|approx|est|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|a\.m|p\.m)\.)\s*$/

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
  const spans: Array<{ start: number; end: number; paragraph: number }> = []
  let paragraph = 0
  for (const group of lineGroups(text)) {
    const lineStart = group.start
    // Inner line breaks of a hard-wrapped paragraph read as spaces (same length, so offsets hold).
    const line = text.slice(group.start, group.end).replace(/[\r\n](?=[\s\S]*\S)/g, ' ')
    let pending: { start: number; end: number } | null = null
    for (const segment of segmenter.segment(line)) {
      const start = lineStart + segment.index
      const end = start + segment.segment.length
      pending = pending ? { start: pending.start, end } : { start, end }
      if (!abbreviation.test(text.slice(pending.start, end).trimEnd())) {
        spans.push({ ...pending, paragraph })
        pending = null
      }
    }
    if (pending) spans.push({ ...pending, paragraph })
    paragraph++
  }
  const sentences: Sentence[] = []
  for (const span of spans) {
    const { start, end } = trimmed(text, span.start, span.end)
    if (end <= start) continue
    const sentenceText = text.slice(start, end)
    sentences.push({
      text: sentenceText,
      start,
      end,
      paragraph: span.paragraph,
      isHeading: !/[.!?:;"'”’)\]…]$/.test(sentenceText) && !sentenceText.includes('. '),
    })
  }
  return sentences
}
