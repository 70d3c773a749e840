import type { RecordedEvent } from '../../events/envelope.js'
import { eventTypes } from '../../events/registry.js'
import { type DecidedEvent, type Decision, isRefusal } from './command.js'
import type { CommandContext } from './context.js'
import type { LedgerDeps } from './deps.js'
import { type ReadEntity, readEvents, storeReader } from './entity.js'
import type { LedgerError } from './errors.js'
import { sameCommand } from './idempotency.js'
import type { CommandResult } from './result.js'

/** Where a command's event goes and the ids it was given. */
export interface WriteTarget {
  stream: string
  entityId: string
  eventId: string
}

/**
 * The I/O around a pure decision, in the order that keeps retries and stale
 * editors safe:
 *   1. a retry of a command already stored (its event id is in the stream) is
 *      decided again on the state its first attempt saw (every entity read
 *      as of just before that event): the same event means the same command,
 *      and the first result is returned, never an invariant that the command's
 *      own effect now breaks; another event (or a refusal) is a conflict;
 *   2. an If-Match that names another revision is refused before any check;
 *   3. the decision: a refusal is returned, an event is appended on top of
 *      exactly the revision the decision saw.
 */
export async function writeEvent<State>(
  deps: LedgerDeps,
  ctx: CommandContext,
  target: WriteTarget,
  state: (read: ReadEntity) => Promise<State>,
  decide: (state: State) => Decision,
): Promise<CommandResult> {
  const events = await readEvents(deps.store, target.stream)
  const revision = events.at(-1)?.revision ?? null
  const known = new Map([[target.stream, events]])
  const earlier = ctx.idempotencyKey ? events.find((e) => e.id === target.eventId) : undefined
  if (earlier) {
    const again = decide(await state(storeReader(deps.store, known, earlier.position)))
    if (isRefusal(again)) return again.code === 'ValidationFailed' ? { ok: false, error: again } : idempotencyConflict(ctx)
    if (!sameCommand(earlier, again.type, again.data)) return idempotencyConflict(ctx)
    return success(target, earlier, true, revision ?? earlier.revision)
  }
  if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== revision) {
    return { ok: false, error: staleRevision(target.stream, ctx.expectedRevision, revision) }
  }
  const decision = decide(await state(storeReader(deps.store, known)))
  if (isRefusal(decision)) return { ok: false, error: decision }
  return append(deps, ctx, target, decision, revision)
}

async function append(deps: LedgerDeps, ctx: CommandContext, target: WriteTarget, decided: DecidedEvent, revision: bigint | null): Promise<CommandResult> {
  const correlationId = ctx.correlationId ?? target.eventId
  const result = await deps.store.append(
    target.stream,
    [
      {
        id: target.eventId,
        type: decided.type,
        schemaVersion: eventTypes[decided.type].current,
        data: decided.data,
        metadata: {
          actor: ctx.actor,
          role: ctx.role,
          correlationId,
          causationId: ctx.causationId ?? correlationId,
          ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
          recordedAt: deps.now().toISOString(),
        },
      },
    ],
    { expectedRevision: revision ?? 'no_stream' },
  )
  if (!result.ok) {
    if (result.error.code === 'DuplicateEventId') return idempotencyConflict(ctx)
    return { ok: false, error: staleRevision(target.stream, result.error.expected, result.error.actual) }
  }
  const event = result.events[0]!
  // A concurrent request with the same key got there first (its event id is this one's): a replay only if it was this very command.
  if (result.duplicate && !sameCommand(event, decided.type, decided.data)) return idempotencyConflict(ctx)
  return success(target, event, result.duplicate, result.nextExpectedRevision)
}

function success(target: WriteTarget, event: RecordedEvent, duplicate: boolean, revision: bigint): CommandResult {
  return { ok: true, stream: target.stream, revision, position: event.position, event, duplicate, entityId: target.entityId }
}

function idempotencyConflict(ctx: CommandContext): CommandResult {
  return {
    ok: false,
    error: {
      code: 'IdempotencyConflict',
      idempotencyKey: ctx.idempotencyKey ?? '',
      message: `Idempotency-Key "${ctx.idempotencyKey}" was already used for a different request`,
    },
  }
}

function staleRevision(stream: string, expected: bigint | 'any' | 'no_stream' | 'stream_exists', actual: bigint | null | 'no_stream'): LedgerError {
  const current = actual === null ? 'no_stream' : actual
  return {
    code: 'WrongExpectedRevision',
    stream,
    expected,
    actual: current,
    message: `${stream} is at revision ${current}, not ${expected}: reload and retry`,
  }
}
