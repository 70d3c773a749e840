import t from 'tap'
import { extractDraftClaims } from '../../src/extract/extract-draft-claims.js'
import { checkExtractInput, maxTextBytes } from '../../src/extract/input-check.js'

const codeOf = (input: unknown) => {
  const r = checkExtractInput(input)
  return r.ok ? 'ok' : r.error.code
}

t.test('empty text, only spaces, or only invisible marks is EmptyText', async (t) => {
  t.equal(codeOf({ text: '' }), 'EmptyText')
  t.equal(codeOf({ text: ' \n\t\u00A0 ' }), 'EmptyText')
  t.equal(codeOf({ text: '\u200F\u200E\uFEFF' }), 'EmptyText')
})

t.test('binary data is BinaryText, naming the character and its offset', async (t) => {
  const r = checkExtractInput({ text: 'PK\u0003\u0004 zip header' })
  t.same(r.ok ? null : r.error, {
    code: 'BinaryText',
    message: 'the text contains the control character U+0003 at offset 2; it looks like binary data, not an article',
  })
  t.equal(codeOf({ text: 'a\u0000b' }), 'BinaryText')
  t.equal(codeOf({ text: 'bad decoding \uFFFD here' }), 'BinaryText')
  t.equal(codeOf({ text: 'half a pair \uD83D here' }), 'BinaryText')
})

t.test('tabs, newlines, carriage returns and form feeds are text', async (t) => {
  t.equal(codeOf({ text: 'a\tb\r\nc\fd' }), 'ok')
})

t.test('a 5 MB text is TextTooLarge with the limit in the message; exactly the limit is accepted', async (t) => {
  const big = 'x'.repeat(5 * 1024 * 1024)
  const r = checkExtractInput({ text: big })
  t.equal(r.ok ? 'ok' : r.error.code, 'TextTooLarge')
  t.match(r.ok ? '' : r.error.message, `the text is ${5 * 1024 * 1024} bytes; the limit is ${maxTextBytes} bytes (1 MiB)`)
  t.equal(codeOf({ text: 'x'.repeat(maxTextBytes) }), 'ok')
  t.equal(codeOf({ text: 'é'.repeat(maxTextBytes / 2 + 1) }), 'TextTooLarge', 'the limit counts UTF-8 bytes, not characters')
})

t.test('a publication date that is not ISO 8601 is InvalidPublishedAt', async (t) => {
  t.equal(codeOf({ text: 'Some 21 people.', publishedAt: 'last Wednesday' }), 'InvalidPublishedAt')
  t.equal(codeOf({ text: 'Some 21 people.', publishedAt: '2024-13-40' }), 'InvalidPublishedAt')
  t.equal(codeOf({ text: 'Some 21 people.', publishedAt: '2024-11-27T10:00:00Z' }), 'ok')
})

t.test('input that is not the documented shape is InvalidInput naming the field', async (t) => {
  const r = checkExtractInput({ text: 42 })
  t.equal(r.ok ? 'ok' : r.error.code, 'InvalidInput')
  t.match(r.ok ? '' : r.error.message, /^text: /)
  t.equal(codeOf({ text: 'x', extra: true }), 'InvalidInput')
  t.equal(codeOf(null), 'InvalidInput')
  t.equal(codeOf({ text: 'x', knownFacts: [{ factId: 'f' }] }), 'InvalidInput')
})

t.test('extractDraftClaims returns the refusal, never drafts, for bad input', async (t) => {
  t.same(extractDraftClaims({ text: '' }), { ok: false, error: { code: 'EmptyText', message: 'the text is empty (or only spaces and invisible marks)' } })
  const binary = extractDraftClaims({ text: '\u0000\u0001\u0002 21 officials' })
  t.equal(binary.ok, false)
})

t.test('a text with no figures is fine: no drafts, nothing skipped', async (t) => {
  t.same(extractDraftClaims({ text: 'The minister spoke to reporters. Nothing was decided.', publishedAt: '2025-01-01' }), { ok: true, drafts: [], skipped: [] })
})
