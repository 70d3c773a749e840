import { authorize } from './authorize.js'
import type { LedgerCommand } from './command.js'
import type { CommandContext } from './context.js'
import type { LedgerDeps } from './deps.js'
import { commandIds } from './idempotency.js'
import { parseInput } from './parse-input.js'
import type { CommandResult } from './result.js'
import { writeEvent } from './write-event.js'

/**
 * The opening every command shares, written once: authorize the role, parse
 * the body (every bad field named), give the command its ids, then let
 * writeEvent read the state, decide and append. `id` is the entity named in
 * the path; a command that creates an entity gets none and is given the
 * generated (or Idempotency-Key-derived) id, which its body may override.
 */
export function handleCommand<Body, Command, State>(deps: LedgerDeps, definition: LedgerCommand<Body, Command, State>) {
  return async (ctx: CommandContext, id: string | undefined, input: unknown): Promise<CommandResult> => {
    const denied = authorize(ctx, definition.role)
    if (denied) return { ok: false, error: denied }
    const parsed = parseInput(definition.body, input)
    if (!parsed.ok) return parsed
    const ids = commandIds(ctx)
    const command = definition.command(parsed.value, id ?? ids.entityId)
    const target = definition.target(command)
    return writeEvent(
      deps,
      ctx,
      { ...target, eventId: ids.eventId },
      (read) => definition.state(read, command),
      (state) => definition.decide(state, command),
    )
  }
}
