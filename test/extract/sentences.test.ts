import t from 'tap'
import { splitSentences } from '../../src/extract/sentences.js'

t.test('abbreviations before a capital do not end a sentence ("the U.S. Treasury", "Nov. 27", "Mr. Smith")', async (t) => {
  const text = 'The U.S. Treasury acted on Nov. 27. Mr. Smith said so. It ended.'
  t.same(splitSentences(text).map((s) => s.text), ['The U.S. Treasury acted on Nov. 27.', 'Mr. Smith said so.', 'It ended.'])
})

t.test('a line break ends a sentence; lines without closing punctuation are headings', async (t) => {
  const text = 'Quake kills 63\nKESTREL - A quake struck.\n\nRescuers searched. Help came'
  t.same(splitSentences(text).map((s) => [s.text, s.paragraph, s.isHeading]), [
    ['Quake kills 63', 0, true],
    ['KESTREL - A quake struck.', 1, false],
    ['Rescuers searched.', 2, false],
    ['Help came', 2, true],
  ])
})

t.test('a hard-wrapped paragraph (next line in lower case or a digit) is read across the line break', async (t) => {
  const text = 'The agency said rescuers had found\n63 bodies and were searching\r\nfor more. Then it rained.'
  t.same(splitSentences(text).map((s) => s.text), ['The agency said rescuers had found\n63 bodies and were searching\r\nfor more.', 'Then it rained.'])
})

t.test('offsets point into the original text, around curly quotes and CRLF', async (t) => {
  const text = '\r\n  \u201CWe lost 40 homes,\u201D he said.\r\nNext line.  '
  for (const s of splitSentences(text)) t.equal(text.slice(s.start, s.end), s.text)
  t.same(splitSentences(text).map((s) => s.text), ['\u201CWe lost 40 homes,\u201D he said.', 'Next line.'])
})

t.test('a long sentence is read in clause units of bounded size that cover it in order', async (t) => {
  const { analysisUnits, longSentence } = await import('../../src/extract/clauses.js')
  t.same(analysisUnits('short sentence.'), [{ from: 0, to: 15, clause: false }])
  const sentence = `${'word '.repeat(400)}; the ministry said 345 families fled, and ${'x'.repeat(3000)}`
  const units = analysisUnits(sentence)
  t.ok(sentence.length > longSentence)
  t.ok(units.every((u, i) => u.clause && u.to - u.from <= 1200 && (i === 0 || units[i - 1]!.to <= u.from)))
  t.ok(units.some((u) => sentence.slice(u.from, u.to).includes('the ministry said 345 families fled')), 'a short clause stays whole')
})
