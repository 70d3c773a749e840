import type { z } from 'zod'
import type { FactKind } from '../../../events/fact-events.js'

type Kind = z.infer<typeof FactKind>

/** The currency codes the Quantity parser reads from "$", "€", "£", "dollars", "euros". */
export const currencyUnits: ReadonlySet<string> = new Set(['USD', 'EUR', 'GBP'])

/**
 * Which unit a value may carry for each kind of fact, as data so a new kind
 * (a percentage) is one more row. `factUnit` is the unit the fact was defined
 * with; the answer is null when the unit fits, else what is wrong.
 */
export const unitFitsKind: Record<Kind, (valueUnit: string | undefined, factUnit: string) => string | null> = {
  count: (unit) => (unit === undefined ? null : `a count carries no currency, but the value is in ${unit}`),
  amount: (unit, factUnit) => {
    if (unit === undefined) return null
    if (!currencyUnits.has(unit)) return `"${unit}" is not a currency this ledger knows (${[...currencyUnits].join(', ')})`
    if (currencyUnits.has(factUnit) && unit !== factUnit) return `the fact is counted in ${factUnit}, but the value is in ${unit}`
    return null
  },
  percent: (unit) => (unit === undefined || unit === '%' ? null : `a share is out of 100 (%), but the value is in ${unit}`),
  date: (unit) => (unit === undefined ? null : `a date carries no unit, but the value has "${unit}"`),
}

/** A fact's own unit against its kind: a count of USD is a mistake in the question, not in a claim. */
export function factUnitFitsKind(kind: Kind, unit: string): string | null {
  if (kind === 'count' && currencyUnits.has(unit)) return `a count is not measured in ${unit}; define the fact as an amount`
  if (kind === 'count' && unit === '%') return 'a count is not measured in %; define the fact as a percent'
  return null
}
