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
