import type { z } from 'zod'
import { type LedgerError, fail } from './errors.js'

/** Validate a command's input; a failure names every bad field by its path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.infer<S> } | { ok: false; error: LedgerError } {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  return {
    ok: false,
    error: fail.invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))),
  }
}
