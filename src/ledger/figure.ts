import type { z } from 'zod'
import { parseQuantity } from '../../events/quantity/parse.js'
import type { Quantity } from '../../events/quantity/quantity.js'
import { type LedgerError, fail } from './errors.js'
import type { FigureInput } from './inputs.js'

/** A figure given as a phrase is parsed with the hedge kept; an unparseable one is an error on that field. */
export function resolveFigure(figure: z.infer<typeof FigureInput>, field: string): { ok: true; value: Quantity } | { ok: false; error: LedgerError } {
  if (typeof figure !== 'string') return { ok: true, value: figure }
  const parsed = parseQuantity(figure)
  if (parsed.ok) return { ok: true, value: parsed.quantity }
  return { ok: false, error: fail.invalid([{ path: field, message: parsed.error.message }]) }
}
