/**
 * Sentences with their offsets, from the built-in Unicode segmenter
 * (UAX #29). ICU breaks after an abbreviation followed by a capital
 * ("the U.S. Treasury", "Nov. 27"), which news text is full of, so those
 * breaks are undone here. A line break is always a boundary: headlines,
 * captions and datelines stand on their own lines.
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

export function splitSentences(text: string): Sentence[] {
  // Segment line by line so a line break always ends a sentence.
  const spans: Array<{ start: number; end: number; paragraph: number }> = []
  let paragraph = 0
  let lineStart = 0
  for (const line of text.split(/(?<=\n)/)) {
    const lineEnd = lineStart + line.length
    if (line.trim().length === 0) {
      lineStart = lineEnd
      continue
    }
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
    lineStart = lineEnd
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
