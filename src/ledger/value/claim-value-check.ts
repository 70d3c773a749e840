import type { EditorsReading } from '../../../events/claim-events.js'
import type { Quantity } from '../../../events/quantity/quantity.js'
import type { FactDoc } from '../../../projections/model.js'
import { type LedgerError, fail } from '../errors.js'
import { valueAgreesWithQuote } from './quote-agreement.js'
import { valueIssues } from './value-consistency.js'

/**
 * The two rules every recorded or corrected claim meets before anything is
 * written: its value says one thing and fits the fact (400 naming the field),
 * and the quote prints it, unless an editor's reading with a reason says
 * where the figure comes from (422 naming `value`, quoting the citation).
 */
export function checkClaimValue(
  claim: { value: Quantity; quote: string; reading: EditorsReading | null | undefined },
  fact: Pick<FactDoc, 'kind' | 'unit'>,
  field: { value: string; structured: boolean },
): LedgerError | null {
  if (field.structured) {
    const issues = valueIssues(claim.value, fact.kind, fact.unit, field.value)
    if (issues.length > 0) return fail.invalid(issues)
  } else {
    const unitIssue = valueIssues(claim.value, fact.kind, fact.unit, field.value).find((i) => i.path.endsWith('.unit'))
    if (unitIssue) return fail.invalid([unitIssue])
  }
  if (claim.reading) return null
  const agreement = valueAgreesWithQuote(claim.value, claim.quote, fact.kind)
  if (agreement.ok) return null
  const printed = agreement.printed.length > 0 ? `it prints ${agreement.printed.map((p) => `"${p}"`).join(', ')}` : 'it prints no figure'
  const states = agreement.printed.map((p) => `"${p}"`).join(', ')
  const said = !agreement.earlier
    ? printed
    : `it gives that figure as an earlier one ("${agreement.earlier}")${states ? `; the figure it states is ${states}` : ', and states no other'}`
  return fail.invariant(
    field.value,
    `"${claim.value.text}" is not what the quote says ("${claim.quote}"): ${said}. ` +
      'Record the figure as printed, or give an editor’s reading with a reason (reading.reason).',
  )
}
