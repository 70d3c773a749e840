import type { DraftClaim } from './draft-claim.js'
import { extractDraftClaims } from './extract-draft-claims.js'
import type { LabelledDocument, LabelledFigure } from './label-set.js'

/**
 * Precision and recall of extraction against a labelled set, per field. A
 * draft matches a label when their figure spans overlap (one to one). For
 * a field, a draft is correct when it matches a label and agrees with it
 * on that field; precision = correct / drafts proposed, recall = correct /
 * figures labelled. Names are compared as word sets, one within the other
 * ("Raj Patel" is within "Raj Patel, the city's finance director"), because
 * a reviewer accepts either; quantities, modalities and dates exactly.
 */

export const fields = ['figure', 'quantity', 'modality', 'attributedTo', 'via', 'counted', 'validAt'] as const
export type Field = (typeof fields)[number]

export interface FieldScore {
  correct: number
  predicted: number
  labelled: number
  precision: number
  recall: number
}

export interface Miss {
  file: string
  field: Field
  figure: string
  expected: unknown
  actual: unknown
}

export interface Evaluation {
  scores: Record<Field, FieldScore>
  misses: Miss[]
  documents: number
}

/** Lower-case words without articles, possessives or a plural "s": "the U.S. Treasury's" -> {us, treasury}. */
export function nameWords(name: string): Set<string> {
  const words = name.toLowerCase().replace(/[’']s\b/g, '').replace(/\./g, '').match(/[\p{L}\p{N}]+/gu) ?? []
  return new Set(words.filter((w) => !/^(?:the|a|an)$/.test(w)).map((w) => (w.length > 3 ? w.replace(/s$/, '') : w)))
}

/** One name's words all appear in the other's. */
export function sameName(expected: string, actual: string | null): boolean {
  if (actual === null) return false
  const a = nameWords(expected)
  const b = nameWords(actual)
  if (a.size === 0 || b.size === 0) return false
  return [...a].every((w) => b.has(w)) || [...b].every((w) => a.has(w))
}

/** One unit spelled two ways by labellers: "percent" is "%". */
const unitSpelling = (unit: string | undefined) => (unit === undefined ? null : /^(?:percent|per cent|pct)$/i.test(unit) ? '%' : unit)

export function sameQuantity(label: LabelledFigure['quantity'], draft: Pick<DraftClaim['value'], 'hedge' | 'stated' | 'unit'>): boolean {
  return label.hedge === draft.hedge && JSON.stringify(label.stated) === JSON.stringify(draft.stated) && unitSpelling(label.unit) === unitSpelling(draft.unit)
}

function sameVia(expected: string[], actual: string[]): boolean {
  return expected.length === actual.length && expected.every((e) => actual.some((a) => sameName(e, a)))
}

const agrees: Record<Exclude<Field, 'figure'>, (l: LabelledFigure, d: DraftClaim) => boolean> = {
  quantity: (l, d) => sameQuantity(l.quantity, d.value),
  modality: (l, d) => l.modality === d.modality,
  attributedTo: (l, d) => sameName(l.attributedTo, d.attributedTo),
  via: (l, d) => sameVia(l.via, d.via),
  counted: (l, d) => sameName(l.counted, d.counted),
  validAt: (l, d) => l.validAt === d.validAt,
}

const actualOf: Record<Exclude<Field, 'figure'>, (d: DraftClaim) => unknown> = {
  quantity: (d) => ({ hedge: d.value.hedge, stated: d.value.stated, unit: d.value.unit }),
  modality: (d) => d.modality,
  attributedTo: (d) => d.attributedTo,
  via: (d) => d.via,
  counted: (d) => d.counted,
  validAt: (d) => d.validAt,
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end

export function evaluate(documents: LabelledDocument[]): Evaluation {
  const correct = Object.fromEntries(fields.map((f) => [f, 0])) as Record<Field, number>
  let predicted = 0
  let labelled = 0
  const misses: Miss[] = []
  for (const doc of documents) {
    const result = extractDraftClaims({ text: doc.text, publishedAt: doc.publishedAt, publisher: doc.publisher })
    if (!result.ok) throw new Error(`${doc.file}: extraction failed: ${result.error.message}`)
    const drafts = result.drafts
    predicted += drafts.length
    labelled += doc.figures.length
    const used = new Set<DraftClaim>()
    for (const label of doc.figures) {
      const draft = drafts.find((d) => !used.has(d) && overlaps({ start: d.figureStart, end: d.figureEnd }, label))
      if (!draft) {
        misses.push({ file: doc.file, field: 'figure', figure: label.figure, expected: label.near, actual: null })
        continue
      }
      used.add(draft)
      correct.figure++
      for (const field of fields) {
        if (field === 'figure') continue
        if (agrees[field](label, draft)) correct[field]++
        else misses.push({ file: doc.file, field, figure: label.figure, expected: field === 'quantity' ? label.quantity : label[field], actual: actualOf[field](draft) })
      }
    }
    for (const extra of drafts.filter((d) => !used.has(d))) {
      misses.push({ file: doc.file, field: 'figure', figure: extra.figure, expected: null, actual: extra.quote.slice(0, 80) })
    }
  }
  const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000)
  const scores = Object.fromEntries(
    fields.map((f) => [f, { correct: correct[f], predicted, labelled, precision: ratio(correct[f], predicted), recall: ratio(correct[f], labelled) }]),
  ) as Record<Field, FieldScore>
  return { scores, misses, documents: documents.length }
}

/** The bar the issue sets; each is a recall (correct / labelled). */
export const targets: Partial<Record<Field, number>> = { figure: 0.95, quantity: 0.95, modality: 0.85, attributedTo: 0.85 }

export function missedTargets(evaluation: Evaluation): string[] {
  return Object.entries(targets)
    .filter(([field, target]) => evaluation.scores[field as Field].recall < target!)
    .map(([field, target]) => `${field} recall ${evaluation.scores[field as Field].recall} < ${target}`)
}
