import type { EventStore } from '../store/port.js'
import { adoptPolicy } from './commands/adopt-policy.js'
import { disputeClaim, reassignClaim, resolveDispute, retractClaim } from './commands/claim-lifecycle.js'
import { correctClaim } from './commands/correct-claim.js'
import { defineFact, pinFact, unpinFact } from './commands/fact-commands.js'
import { recordClaim } from './commands/record-claim.js'
import { registerSource, retractSource, reviseSource } from './commands/source-commands.js'
import type { LedgerCommand } from './command.js'
import { createContention } from './contention.js'
import type { CommandContext } from './context.js'
import type { LedgerDeps } from './deps.js'
import { handleCommand } from './handle-command.js'
import type { CommandResult } from './result.js'

/**
 * The write side: every command validates its input, decides on the entity's
 * own stream (and the entities it refers to), and appends one event on top of
 * exactly the revision it decided on. Nothing is ever overwritten.
 */
export function createLedger(options: { store: EventStore; now?: () => Date }) {
  const deps: LedgerDeps = { store: options.store, now: options.now ?? (() => new Date()) }
  const contention = createContention()
  /** A command on a new entity: it has no one to race with (except the policy stream, which every adoption appends to). */
  const create = <B, C, S>(command: LedgerCommand<B, C, S>) => {
    const handle = handleCommand(deps, command)
    return (ctx: CommandContext, input: unknown): Promise<CommandResult> => handle(ctx, undefined, input)
  }
  /** A command on an existing entity, queued behind others on it and retried on a fresh read when it sent no If-Match. */
  const onEntity = <B, C, S>(kind: string, command: LedgerCommand<B, C, S>) => {
    const handle = handleCommand(deps, command)
    return (ctx: CommandContext, id: string, input: unknown): Promise<CommandResult> => contention.run(`${kind}-${id}`, ctx, () => handle(ctx, id, input))
  }
  const handleAdoption = handleCommand(deps, adoptPolicy)
  return {
    registerSource: create(registerSource),
    defineFact: create(defineFact),
    recordClaim: create(recordClaim),
    adoptPolicy: (ctx: CommandContext, input: unknown) => contention.run('policy', ctx, () => handleAdoption(ctx, undefined, input)),
    reviseSource: onEntity('source', reviseSource),
    retractSource: onEntity('source', retractSource),
    correctClaim: onEntity('claim', correctClaim),
    retractClaim: onEntity('claim', retractClaim),
    disputeClaim: onEntity('claim', disputeClaim),
    resolveDispute: onEntity('claim', resolveDispute),
    reassignClaim: onEntity('claim', reassignClaim),
    pinFact: onEntity('fact', pinFact),
    unpinFact: onEntity('fact', unpinFact),
  }
}

export type Ledger = ReturnType<typeof createLedger>
