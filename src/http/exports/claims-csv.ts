import type { ClaimDoc, FactView, SourceDoc } from '../../../projections/model.js'

/** The columns of a fact's claims as CSV: one row per claim, as a spreadsheet on a desk wants them. */
const columns = [
  'claim_id', 'fact_id', 'filed_here', 'part_in_value', 'figure', 'lower', 'lower_inclusive', 'upper', 'upper_inclusive', 'unit', 'modality', 'valid_at',
  'attributed_to', 'via', 'quote', 'quote_checked', 'source_id', 'publisher', 'origin', 'tier', 'published_at', 'url', 'retracted', 'open_disputes', 'corrections', 'recorded_at', 'recorded_by',
] as const

/** Each claim's part in the view, looked up by id (a fact may have thousands of claims). */
function partsInValue(view: FactView | null): Map<string, string> {
  const parts = new Map<string, string>()
  if (!view) return parts
  for (const e of view.excluded) parts.set(e.claimId, `left out: ${e.reason}`)
  for (const role of ['conflicting', 'superseded', 'supporting'] as const) for (const id of view[role]) parts.set(id, role)
  return parts
}

/**
 * RFC 4180 quoting, and a leading apostrophe on a cell a spreadsheet would
 * take for a formula (=, +, -, @): quotes from the web must not run in Excel.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function claimsCsv(factId: string, view: FactView | null, claims: readonly ClaimDoc[], sources: readonly SourceDoc[]): string {
  return [...claimsCsvLines(factId, view, claims, sources)].join('')
}

/** The CSV a line at a time (each ending in CRLF), so the route streams it instead of building one string. */
export function* claimsCsvLines(factId: string, view: FactView | null, claims: readonly ClaimDoc[], sources: readonly SourceDoc[]): Generator<string> {
  const sourcesById = new Map(sources.map((s) => [s.sourceId, s]))
  const parts = partsInValue(view)
  yield `${columns.join(',')}\r\n`
  for (const c of claims) {
    const s = sourcesById.get(c.sourceId)
    const openDisputes = c.disputes.filter((d) => (d as { status?: string }).status === undefined || (d as { status?: string }).status === 'open').length
    const record = {
      claim_id: c.claimId, fact_id: c.factId, filed_here: c.factId === factId ? 'yes' : 'no', part_in_value: parts.get(c.claimId) ?? '',
      figure: c.value.text, lower: c.value.lower, lower_inclusive: c.value.lowerInclusive, upper: c.value.upper, upper_inclusive: c.value.upperInclusive, unit: c.value.unit ?? view?.unit ?? '',
      modality: c.modality, valid_at: c.validAt, attributed_to: c.attributedTo, via: c.via.join(' > '), quote: c.citation.quote, quote_checked: c.citation.verified,
      source_id: c.sourceId, publisher: s?.publisher, origin: s?.origin, tier: s?.tier, published_at: s?.publishedAt, url: s?.url,
      retracted: c.retracted ? c.retracted.reason : '', open_disputes: openDisputes, corrections: c.lifecycle.filter((e) => e.action === 'corrected').length,
      recorded_at: c.lifecycle[0]?.stamp.recordedAt, recorded_by: c.lifecycle[0]?.stamp.actor,
    } satisfies Record<(typeof columns)[number], unknown>
    yield `${columns.map((k) => csvCell(record[k])).join(',')}\r\n`
  }
}
