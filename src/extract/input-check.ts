import { ExtractInput, type ExtractErrorCode } from './draft-claim.js'

/**
 * What the extractor refuses before reading a word, each with a message an
 * editor can act on. An article is tens of kilobytes; a megabyte is already
 * a book, so anything larger is a wrong file, not a long article.
 */
export const maxTextBytes = 1_048_576

type Refusal = { ok: false; error: { code: ExtractErrorCode; message: string } }

/** NUL and other C0 controls (tab, newline, carriage return and form feed are text), DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function refuse(code: ExtractErrorCode, message: string): Refusal {
  return { ok: false, error: { code, message } }
}

export function checkExtractInput(raw: unknown): { ok: true; input: ExtractInput } | Refusal {
  const parsed = ExtractInput.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const path = issue.path.join('.') || '(input)'
    if (issue.path[0] === 'publishedAt') return refuse('InvalidPublishedAt', `publishedAt must be an ISO 8601 date such as 2024-11-27 (${issue.message})`)
    return refuse('InvalidInput', `${path}: ${issue.message}`)
  }
  const { text } = parsed.data
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > maxTextBytes) {
    return refuse('TextTooLarge', `the text is ${bytes} bytes; the limit is ${maxTextBytes} bytes (1 MiB). Extract one article at a time.`)
  }
  const control = controlCharacter.exec(text)
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()
    return refuse('BinaryText', `the text contains the control character U+${code} at offset ${control.index}; it looks like binary data, not an article`)
  }
  const surrogate = loneSurrogate.exec(text)
  if (surrogate) return refuse('BinaryText', `the text contains an unpaired UTF-16 surrogate at offset ${surrogate.index}; it is not valid Unicode text`)
  const replacement = text.indexOf('\uFFFD')
  if (replacement >= 0) {
    return refuse('BinaryText', `the text contains U+FFFD (a replacement character) at offset ${replacement}: it was decoded from bytes that are not UTF-8. Re-save the article as UTF-8.`)
  }
  if (text.trim().length === 0 || text.replace(/[\s\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '').length === 0) {
    return refuse('EmptyText', 'the text is empty (or only spaces and invisible marks)')
  }
  return { ok: true, input: parsed.data }
}
