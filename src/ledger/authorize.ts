import type { CommandContext } from './context.js'
import { type LedgerError, fail } from './errors.js'

/** Editors write claims, sources and facts; only admins change the policy. The system role is the demo loader and imports. */
export function authorize(ctx: CommandContext, required: 'editor' | 'admin'): LedgerError | null {
  const allowed = required === 'admin' ? ['admin', 'system'] : ['editor', 'admin', 'system']
  return allowed.includes(ctx.role) ? null : fail.forbidden(required, ctx.role)
}
