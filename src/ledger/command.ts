import type { z } from 'zod'
import type { EventType } from '../../events/registry.js'
import type { ReadEntity } from './entity.js'
import type { LedgerError } from './errors.js'

/** The event a command decided on; its id, metadata and place in the stream are the writer's business. */
export interface DecidedEvent {
  type: EventType
  data: unknown
}

/** What `decide` returns: the event to append, or why nothing is appended. */
export type Decision = DecidedEvent | LedgerError

export function isRefusal(decision: Decision): decision is LedgerError {
  return 'code' in decision
}

/**
 * One ledger command, Emmett's decider split the way the ledger runs it:
 *   - `body` validates what the editor sent (the HTTP route declares the same schema);
 *   - `command` adds the entity's id (from the path, or given or generated for a new entity);
 *   - `target` names the stream the event goes to;
 *   - `state` reads the entities `decide` looks at (the only step that reads);
 *   - `decide` is pure: state and command in, the event or a LedgerError out.
 * handleCommand (handle-command.ts) runs them in order and writes the event.
 */
export interface LedgerCommand<Body, Command, State> {
  role: 'editor' | 'admin'
  body: z.ZodType<Body>
  command: (body: Body, id: string) => Command
  target: (command: Command) => { stream: string; entityId: string }
  state: (read: ReadEntity, command: Command) => Promise<State>
  decide: (state: State, command: Command) => Decision
}

/** Declares a command with its types inferred from its body schema. */
export function defineCommand<S extends z.ZodType, Command, State>(command: LedgerCommand<z.infer<S>, Command, State> & { body: S }): LedgerCommand<z.infer<S>, Command, State> {
  return command
}
