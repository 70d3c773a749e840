import type { FactView } from '../../projections/model.js'
import { formatTable } from './table.js'

/** The shape `--json` prints: the fact view, with the value as the demo contract spells it. */
export function factJson(v: FactView) {
  return {
    factId: v.factId,
    question: v.question,
    value: v.value
      ? { lower: v.value.lower, upper: v.value.upper, lowerInclusive: v.value.lowerInclusive, upperInclusive: v.value.upperInclusive, hedge: v.value.hedge, text: v.value.text }
      : null,
    display: v.display,
    unit: v.unit,
    status: v.status,
    origins: v.origins,
    supporting: v.supporting,
    superseded: v.superseded,
    conflicting: v.conflicting,
    explanation: v.explanation.map(({ step, detail }) => ({ step, detail })),
    summary: v.summary,
    policyVersion: v.policyVersion,
    asOf: v.asOf,
  }
}

export function factTable(views: FactView[]): string {
  if (views.length === 0) return '(no facts)'
  return formatTable(
    ['FACT', 'VALUE', 'STATUS', 'WHY'],
    views.map((v) => [v.factId, v.display, v.status, v.summary]),
    { 0: 44, 3: 90 },
  )
}
