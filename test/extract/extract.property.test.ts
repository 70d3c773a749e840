import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import fc from 'fast-check'
import { hedgePrefixes } from '../../events/quantity/hedge-words.js'
import { parseQuantity } from '../../events/quantity/parse.js'
import { DraftClaim } from '../../src/extract/draft-claim.js'
import { extractDraftClaims } from '../../src/extract/extract-draft-claims.js'
import { splitSentences } from '../../src/extract/sentences.js'

/** Sentences a wire report might print, with a figure whose hedge, number and noun are drawn at random. */
const speakers = ['the ministry said', 'officials said', 'according to the agency', 'the council announced', 'Reuters reported']
const nouns = ['people', 'officials', 'family members', 'homes', 'soldiers', 'residents']
const spaces = [' ', '\u00A0', '\u202F', '\u2009']
const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep)

const sentence = fc.record({
  hedge: fc.option(fc.constantFrom(...hedgePrefixes.map(([p]) => p)), { nil: undefined }),
  n: fc.integer({ min: 2, max: 5_000_000 }),
  sep: fc.constantFrom(',', '\u00A0', '\u202F', ''),
  noun: fc.constantFrom(...nouns),
  speaker: fc.constantFrom(...speakers),
  space: fc.constantFrom(...spaces),
  mark: fc.constantFrom('', '\u200F', '\u200E'),
})

t.test('every draft quotes the text exactly at its offsets, and its figure parses to its value', async (t) => {
  await assertProperty(
    t,
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', ' ', '\n\n'), (parts, joiner) => {
      const text = parts
        .map((p) => `${p.mark}${p.hedge ? `${p.hedge[0]!.toUpperCase()}${p.hedge.slice(1)} ` : ''}${group(p.n, p.sep)}${p.mark}${p.space}${p.noun} were counted, ${p.speaker}.`)
        .join(joiner)
      const r = extractDraftClaims({ text, publishedAt: '2025-01-15' })
      if (!r.ok) return false
      return r.drafts.every((d) => {
        const parsed = parseQuantity(d.figure)
        return (
          text.slice(d.start, d.end) === d.quote &&
          text.slice(d.figureStart, d.figureEnd) === d.figure &&
          d.start <= d.figureStart && d.figureEnd <= d.end &&
          parsed.ok && JSON.stringify(parsed.quantity.stated) === JSON.stringify(d.value.stated) && parsed.quantity.hedge === d.value.hedge &&
          DraftClaim.safeParse(d).success
        )
      })
    }),
    { numRuns: 150 },
  )
})

t.test('each generated figure is found with its number and hedge', async (t) => {
  await assertProperty(
    t,
    fc.property(sentence, (p) => {
      const text = `${p.hedge ? `${p.hedge} ` : ''}${group(p.n, p.sep)} ${p.noun} were counted, ${p.speaker}.`
      const r = extractDraftClaims({ text, publishedAt: '2025-01-15' })
      const expectedHedge = p.hedge ? hedgePrefixes.find(([w]) => w === p.hedge)![1] : 'exact'
      return r.ok && r.drafts.length === 1 && r.drafts[0]!.value.stated[0] === p.n && r.drafts[0]!.value.hedge === expectedHedge
    }),
    { numRuns: 200 },
  )
})

t.test('extraction never throws and never proposes a draft outside the text, whatever the text', async (t) => {
  await assertProperty(
    t,
    fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: fc.constantFrom(...'0123456789 ,.-$€%abcdeST\n\u00A0'.split('')), maxLength: 300 })), (text) => {
      const r = extractDraftClaims({ text, publishedAt: '2025-01-15' })
      if (!r.ok) return ['EmptyText', 'BinaryText'].includes(r.error.code)
      return r.drafts.every((d) => d.start >= 0 && d.end <= text.length && text.slice(d.start, d.end) === d.quote)
    }),
    { numRuns: 400 },
  )
})

t.test('sentences cover the text in order without overlap, each exactly its slice', async (t) => {
  await assertProperty(
    t,
    fc.property(fc.string({ unit: fc.constantFrom(...'Ab. U.S. Mr. 12, \n?!"'.split('')), maxLength: 300 }), (text) => {
      const sentences = splitSentences(text)
      return sentences.every((s, i) => text.slice(s.start, s.end) === s.text && s.text.trim() === s.text && s.text.length > 0 && (i === 0 || sentences[i - 1]!.end <= s.start))
    }),
    { numRuns: 300 },
  )
})
