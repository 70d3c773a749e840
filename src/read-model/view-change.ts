import { isDeepStrictEqual } from 'node:util'
import type { FactView } from '../../projections/model.js'

/**
 * Two views with the same content, clocks aside, are no change (no history
 * row). Compared structurally, not as canonical JSON: the comparison runs
 * once per projected event and canonicalizing two ~2 KB views took most of a
 * rebuild's write time.
 */
export function sameViewContent(a: FactView, b: FactView): boolean {
  return isDeepStrictEqual({ ...a, asOf: null }, { ...b, asOf: null })
}

/**
 * The views of a batch (in position order) that become history rows: each
 * whose content differs from the fact's previous view, that is the one before
 * it in the batch or, for a fact's first view of the batch, the stored one.
 */
export function changedViews(views: readonly FactView[], storedLast: (factId: string) => FactView | undefined): FactView[] {
  const last = new Map<string, FactView | undefined>()
  const changed: FactView[] = []
  for (const view of views) {
    const previous = last.has(view.factId) ? last.get(view.factId) : storedLast(view.factId)
    if (!previous || !sameViewContent(previous, view)) changed.push(view)
    last.set(view.factId, view)
  }
  return changed
}

/** What the `q` filter searches: fact id, question and subject, lower-cased in JavaScript so every backend agrees. */
export function viewSearchText(view: FactView, subject: string | undefined): string {
  return [view.factId, view.question, subject ?? ''].join('\n').toLowerCase()
}
