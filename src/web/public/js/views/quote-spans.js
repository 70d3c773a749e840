/**
 * Where each cited quote stands in one version of a source's text: by the
 * citation's offsets when they point at the quote there, else at its first
 * occurrence. Overlapping quotes are not nested: a later one that overlaps an
 * earlier one is listed on the page but not marked twice.
 */
export function quoteSpans(text, claims) {
  const spans = []
  for (const claim of claims) {
    const { quote, start, end } = claim.citation
    const from = start !== undefined && end !== undefined && text.slice(start, end) === quote ? start : text.indexOf(quote)
    if (from < 0) continue
    spans.push({ from, to: from + quote.length, claim })
  }
  spans.sort((a, b) => a.from - b.from || b.to - a.to)
  const segments = []
  let at = 0
  let found = 0
  for (const span of spans) {
    if (span.from < at) continue
    if (span.from > at) segments.push({ text: text.slice(at, span.from) })
    segments.push({ text: text.slice(span.from, span.to), claim: span.claim })
    at = span.to
    found += 1
  }
  if (at < text.length) segments.push({ text: text.slice(at) })
  return { segments, found }
}
