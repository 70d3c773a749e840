import { readFile, stat } from 'node:fs/promises'
import { z } from 'zod'
import type { Quantity } from '../../events/quantity/quantity.js'
import { KnownFact, type DraftClaim, type SkippedFigure } from './draft-claim.js'
import { extractDraftClaims } from './extract-draft-claims.js'
import { maxTextBytes } from './input-check.js'
import { textTable } from './text-table.js'

/**
 * `factledger extract <article.txt> [--meta source.json] [--json]`: reads
 * the article and its metadata and prints the draft claims, for people as
 * a table, for machines as JSON. The CLI wiring calls this and prints
 * `output`; exit codes: 0 drafts listed (possibly none), 1 the text was
 * refused (empty, binary, too large), 2 a file could not be read or the
 * metadata is not valid.
 */

/** The metadata file: a source as registered (other fields are ignored), optionally the facts to match against. */
export const ExtractMeta = z.looseObject({
  publishedAt: z.string().optional(),
  publisher: z.string().min(1).max(200).optional(),
  knownFacts: z.array(KnownFact).optional(),
})

export interface ExtractCommandResult {
  exitCode: number
  output: string
}

const fail = (exitCode: number, message: string, json: boolean): ExtractCommandResult => ({
  exitCode,
  output: json ? JSON.stringify({ error: message }) : `factledger extract: ${message}`,
})

/** "(20, ∞)", "[1800, 2000)", "21": the interval in one glance. */
export function formatInterval(q: Quantity): string {
  const unit = q.unit ? ` ${q.unit}` : ''
  if (q.lower !== null && q.lower === q.upper) return `${q.lower}${unit}`
  return `${q.lowerInclusive ? '[' : '('}${q.lower ?? '-∞'}, ${q.upper ?? '∞'}${q.upperInclusive ? ']' : ')'}${unit}`
}

function formatForPeople(file: string, drafts: DraftClaim[], skipped: SkippedFigure[]): string {
  if (drafts.length === 0) return `${file}: no figures to propose.${skipped.length ? ` ${skipped.length} number(s) skipped (dates, years, percentages, ...).` : ''}`
  const rows = drafts.map((d, i) => [
    String(i + 1),
    d.figure,
    formatInterval(d.value),
    d.counted ?? '?',
    d.via.length > 0 ? `${d.attributedTo} (via ${d.via.join('; ')})` : d.attributedTo,
    d.modality,
    d.validAt ?? '?',
    d.confidence.toFixed(2),
    'factId' in d.suggestedFact ? `${d.suggestedFact.factId} (${d.suggestedFact.score})` : 'new fact',
  ])
  const table = textTable(['#', 'figure', 'value', 'counted', 'attributed to', 'modality', 'valid at', 'conf.', 'fact'], rows, 48)
  const quotes = drafts.map((d, i) => `${i + 1}. [${d.start}-${d.end}] ${d.quote.length > 200 ? `${d.quote.slice(0, 199)}…` : d.quote}`).join('\n')
  const reasons = new Map<string, number>()
  for (const s of skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1)
  const skippedLine = skipped.length === 0 ? '' : `\n\nSkipped ${skipped.length} number(s): ${[...reasons].map(([r, n]) => `${n} × ${r}`).join('; ')}`
  return `${drafts.length} draft claim(s) from ${file}; nothing is recorded until an editor accepts them.\n\n${table}\n\nQuotes:\n${quotes}${skippedLine}`
}

export async function runExtractCommand(args: { file: string; metaFile?: string; json: boolean }): Promise<ExtractCommandResult> {
  let bytes: Buffer
  try {
    const info = await stat(args.file)
    if (!info.isFile()) return fail(2, `${args.file} is not a file`, args.json)
    if (info.size > maxTextBytes) return fail(1, `${args.file} is ${info.size} bytes; the limit is ${maxTextBytes} bytes (1 MiB). Extract one article at a time.`, args.json)
    bytes = await readFile(args.file)
  } catch (err) {
    return fail(2, `cannot read ${args.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, args.json)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fail(1, `${args.file} is not UTF-8 text (binary data or another encoding). Save the article as UTF-8.`, args.json)
  }
  let meta: z.infer<typeof ExtractMeta> = {}
  if (args.metaFile) {
    try {
      const parsed = ExtractMeta.safeParse(JSON.parse(await readFile(args.metaFile, 'utf8')))
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        return fail(2, `${args.metaFile}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, args.json)
      }
      meta = parsed.data
    } catch (err) {
      const why = err instanceof SyntaxError ? `not valid JSON (${err.message})` : `cannot read it: ${(err as NodeJS.ErrnoException).code ?? String(err)}`
      return fail(2, `${args.metaFile}: ${why}`, args.json)
    }
  }
  const result = extractDraftClaims({
    text: text.replace(/^\uFEFF/, ''),
    ...(meta.publishedAt !== undefined ? { publishedAt: meta.publishedAt } : {}),
    ...(meta.publisher !== undefined ? { publisher: meta.publisher } : {}),
    ...(meta.knownFacts !== undefined ? { knownFacts: meta.knownFacts } : {}),
  })
  if (!result.ok) return fail(1, `${args.file}: ${result.error.message} (${result.error.code})`, args.json)
  if (args.json) return { exitCode: 0, output: JSON.stringify({ file: args.file, drafts: result.drafts, skipped: result.skipped }, null, 2) }
  return { exitCode: 0, output: formatForPeople(args.file, result.drafts, result.skipped) }
}
