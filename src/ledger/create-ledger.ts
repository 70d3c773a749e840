import type { EventStore } from '../store/port.js'
import { adoptPolicy } from './commands/adopt-policy.js'
import { disputeClaim, reassignClaim, resolveDispute, retractClaim } from './commands/claim-lifecycle.js'
import { correctClaim } from './commands/correct-claim.js'
import { defineFact, pinFact, unpinFact } from './commands/fact-commands.js'
import { recordClaim } from './commands/record-claim.js'
import { registerSource, retractSource, reviseSource } from './commands/source-commands.js'
import type { CommandContext } from './context.js'
import type { LedgerDeps } from './deps.js'
import type { CommandResult } from './result.js'

/**
 * The write side: every command validates its input, checks the invariants a
 * fact-checker expects against the entity's own stream, and appends one event
 * on top of exactly the revision it checked. Nothing is ever overwritten.
 */
export function createLedger(options: { store: EventStore; now?: () => Date }) {
  const deps: LedgerDeps = { store: options.store, now: options.now ?? (() => new Date()) }
  type ById = (ctx: CommandContext, id: string, input: unknown) => Promise<CommandResult>
  type Create = (ctx: CommandContext, input: unknown) => Promise<CommandResult>
  const create: Record<'registerSource' | 'defineFact' | 'recordClaim' | 'adoptPolicy', Create> = {
    registerSource: (ctx, input) => registerSource(deps, ctx, input),
    defineFact: (ctx, input) => defineFact(deps, ctx, input),
    recordClaim: (ctx, input) => recordClaim(deps, ctx, input),
    adoptPolicy: (ctx, input) => adoptPolicy(deps, ctx, input),
  }
  const byId: Record<
    | 'reviseSource'
    | 'retractSource'
    | 'correctClaim'
    | 'retractClaim'
    | 'disputeClaim'
    | 'resolveDispute'
    | 'reassignClaim'
    | 'pinFact'
    | 'unpinFact',
    ById
  > = {
    reviseSource: (ctx, id, input) => reviseSource(deps, ctx, id, input),
    retractSource: (ctx, id, input) => retractSource(deps, ctx, id, input),
    correctClaim: (ctx, id, input) => correctClaim(deps, ctx, id, input),
    retractClaim: (ctx, id, input) => retractClaim(deps, ctx, id, input),
    disputeClaim: (ctx, id, input) => disputeClaim(deps, ctx, id, input),
    resolveDispute: (ctx, id, input) => resolveDispute(deps, ctx, id, input),
    reassignClaim: (ctx, id, input) => reassignClaim(deps, ctx, id, input),
    pinFact: (ctx, id, input) => pinFact(deps, ctx, id, input),
    unpinFact: (ctx, id, input) => unpinFact(deps, ctx, id, input),
  }
  return { ...create, ...byId }
}

export type Ledger = ReturnType<typeof createLedger>
