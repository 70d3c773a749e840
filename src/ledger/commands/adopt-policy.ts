import { defaultPolicy, type Policy } from '../../../projections/model.js'
import { evolvePolicy } from '../../../projections/policy.js'
import { authorize } from '../authorize.js'
import type { CommandContext } from '../context.js'
import type { LedgerDeps } from '../deps.js'
import { commandIds } from '../idempotency.js'
import { AdoptPolicyInput } from '../inputs.js'
import { loadStream } from '../load-stream.js'
import { parseInput } from '../parse-input.js'
import type { CommandResult } from '../result.js'
import { writeEvent } from '../write-event.js'

/** The one stream that holds the reconciliation policy's versions. */
export const policyStream = 'policy-reconciliation'

/** A new policy version becomes current; every fact view is recomputed under it. */
export async function adoptPolicy(deps: LedgerDeps, ctx: CommandContext, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'admin')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(AdoptPolicyInput, input)
  if (!parsed.ok) return parsed
  const target = await loadStream<Policy>(deps.store, policyStream, (doc, event) => evolvePolicy(doc ?? defaultPolicy, event))
  const current = target.doc ?? defaultPolicy
  const { eventId } = commandIds(ctx)
  // A retry names the version its first attempt adopted, so an unchanged body is recognised as the same command.
  const earlier = target.events.find((e) => e.id === eventId)?.data as { policyVersion?: number } | undefined
  const data = { policyVersion: earlier?.policyVersion ?? current.version + 1, ...parsed.value }
  return writeEvent(deps, ctx, target, { type: 'PolicyAdopted', data, eventId, entityId: policyStream }, () => null)
}
