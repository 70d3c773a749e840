import type { FactView } from '../../../projections/model.js'
import { canonicalize } from './canonical-json.js'

/** A view's content without its clocks: two views with equal content are no change (no history row). */
export function viewContent(view: FactView): string {
  const { asOf: _asOf, ...rest } = view
  return canonicalize(rest) ?? ''
}

/** What the `q` filter searches: fact id, question and subject, lower-cased in JavaScript so every backend agrees. */
export function viewSearchText(view: FactView, subject: string | undefined): string {
  return [view.factId, view.question, subject ?? ''].join('\n').toLowerCase()
}
