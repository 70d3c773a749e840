import type { FactView } from '../../projections/model.js'
import { formatTable } from './table.js'

/**
 * What `--json` prints for a fact: the fact view itself, exactly as
 * `GET /facts/:id` serves it (open disputes, excluded claims and all), so the
 * command line and the API never give two accounts of one fact.
 */
export function factJson(v: FactView): FactView {
  return v
}

export function factTable(views: FactView[]): string {
  if (views.length === 0) return '(no facts)'
  return formatTable(
    ['FACT', 'VALUE', 'STATUS', 'WHY'],
    views.map((v) => [v.factId, v.display, v.status, v.summary]),
    { 0: 44, 3: 90 },
  )
}
