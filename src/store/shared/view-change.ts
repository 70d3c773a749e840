import { isDeepStrictEqual } from 'node:util'
import type { FactView } from '../../../projections/model.js'

/**
 * Two views with the same content, clocks aside, are no change (no history
 * row). Compared structurally, not as canonical JSON: the comparison runs
 * once per projected event and canonicalizing two ~2 KB views took most of a
 * rebuild's write time.
 */
export function sameViewContent(a: FactView, b: FactView): boolean {
  return isDeepStrictEqual({ ...a, asOf: null }, { ...b, asOf: null })
}

/** What the `q` filter searches: fact id, question and subject, lower-cased in JavaScript so every backend agrees. */
export function viewSearchText(view: FactView, subject: string | undefined): string {
  return [view.factId, view.question, subject ?? ''].join('\n').toLowerCase()
}
