import type { z } from 'zod'
import type { FactKind } from '../../../events/fact-events.js'
import { sameInterval } from '../../../events/quantity/interval.js'
import { parseQuantity } from '../../../events/quantity/parse.js'
import type { Quantity } from '../../../events/quantity/quantity.js'
import type { FieldIssue } from '../errors.js'
import { unitFitsKind } from './unit-fits-kind.js'

/** Hedges whose reach is a policy choice: their stored bounds may follow another tolerance than the parser's default. */
const vague = new Set(['about', 'nearly'])

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * A value given as a structured Quantity must say one thing: its text reads
 * as its hedge, numbers and interval; lower is not above upper; a count is not
 * negative; its unit fits the fact's kind. Each problem names its field.
 */
export function valueIssues(value: Quantity, kind: z.infer<typeof FactKind>, factUnit: string, field = 'value'): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (value.lower !== null && value.upper !== null && value.lower > value.upper) {
    issues.push({ path: `${field}.lower`, message: `lower (${value.lower}) is above upper (${value.upper})` })
  }
  if (kind === 'count' && [value.lower ?? 0, ...value.stated].some((x) => x < 0)) {
    issues.push({ path: `${field}.${(value.lower ?? 0) < 0 ? 'lower' : 'stated'}`, message: 'a count cannot be negative' })
  }
  const unitProblem = unitFitsKind[kind](value.unit, factUnit)
  if (unitProblem) issues.push({ path: `${field}.unit`, message: unitProblem })
  // Dates are stored as day numbers the phrase parser does not read; their text is checked against the quote instead.
  if (kind === 'date') return issues
  const parsed = parseQuantity(value.text)
  if (!parsed.ok) return [...issues, { path: `${field}.text`, message: parsed.error.message }]
  const q = parsed.quantity
  if (q.hedge !== value.hedge) issues.push({ path: `${field}.hedge`, message: `"${value.text}" reads as ${q.hedge}, not ${value.hedge}` })
  else if (!sameNumbers(q.stated, value.stated)) issues.push({ path: `${field}.stated`, message: `"${value.text}" states ${q.stated.join(' and ')}, not ${value.stated.join(' and ')}` })
  else if (vague.has(q.hedge) ? !reachesStated(value) : !sameInterval(q, value)) {
    issues.push({ path: `${field}.lower`, message: `"${value.text}" reads as ${showInterval(q)}, not ${showInterval(value)}` })
  }
  if (q.unit !== value.unit && q.unit !== undefined) issues.push({ path: `${field}.unit`, message: `"${value.text}" is in ${q.unit}, not ${value.unit ?? 'no currency'}` })
  return issues
}

/** "about 180" must hold 180; "nearly 2,000" must end just below 2,000. The reach itself is the policy's. */
function reachesStated(value: Quantity): boolean {
  const x = value.stated[0]!
  if (value.hedge === 'nearly') return value.upper === x && !value.upperInclusive && value.lower !== null && value.lower < x
  return value.lower !== null && value.upper !== null && value.lower <= x && x <= value.upper
}

function showInterval(q: Quantity): string {
  const lower = q.lower === null ? '(-inf' : `${q.lowerInclusive ? '[' : '('}${q.lower}`
  const upper = q.upper === null ? 'inf)' : `${q.upper}${q.upperInclusive ? ']' : ')'}`
  return `${lower}, ${upper}`
}
