import type { RecordedEvent } from '../../events/envelope.js'
import type { EventType } from '../../events/registry.js'
import { eventTypes } from '../../events/registry.js'
import type { CommandContext } from './context.js'
import type { LedgerDeps } from './deps.js'
import type { LedgerError } from './errors.js'
import { sameCommand } from './idempotency.js'
import type { LoadedStream } from './load-stream.js'
import type { CommandResult } from './result.js'

export interface PendingWrite {
  type: EventType
  data: unknown
  eventId: string
  entityId: string
}

/**
 * The shared tail of every command, in the order that keeps retries and
 * stale editors safe:
 *   1. a retry of a command already stored (same event id) returns the first
 *      result, or a conflict when the body differs;
 *   2. an If-Match that names another revision is refused before any check;
 *   3. the command's own invariants (passed in as `check`);
 *   4. append on top of exactly the revision the checks saw.
 */
export async function writeEvent(
  deps: LedgerDeps,
  ctx: CommandContext,
  target: LoadedStream<unknown>,
  write: PendingWrite,
  check: () => LedgerError | null | Promise<LedgerError | null>,
): Promise<CommandResult> {
  const earlier = ctx.idempotencyKey ? target.events.find((e) => e.id === write.eventId) : undefined
  if (earlier) {
    if (!sameCommand(earlier, write.type, write.data)) return idempotencyConflict(ctx)
    return success(target.stream, earlier, write.entityId, true, target.revision ?? earlier.revision)
  }
  if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== target.revision) {
    return { ok: false, error: staleRevision(target.stream, ctx.expectedRevision, target.revision) }
  }
  const violation = await check()
  if (violation) return { ok: false, error: violation }

  const now = deps.now().toISOString()
  const correlationId = ctx.correlationId ?? write.eventId
  const result = await deps.store.append(
    target.stream,
    [
      {
        id: write.eventId,
        type: write.type,
        schemaVersion: eventTypes[write.type].current,
        data: write.data,
        metadata: {
          actor: ctx.actor,
          role: ctx.role,
          correlationId,
          causationId: ctx.causationId ?? correlationId,
          ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
          recordedAt: now,
        },
      },
    ],
    { expectedRevision: target.revision ?? 'no_stream' },
  )
  if (!result.ok) {
    if (result.error.code === 'DuplicateEventId') return idempotencyConflict(ctx)
    return { ok: false, error: staleRevision(target.stream, result.error.expected, result.error.actual) }
  }
  const event = result.events[0]!
  // A concurrent request with the same key got there first (its event id is this one's): a replay only if it was this very command.
  if (result.duplicate && !sameCommand(event, write.type, write.data)) return idempotencyConflict(ctx)
  return success(target.stream, event, write.entityId, result.duplicate, result.nextExpectedRevision)
}

function success(stream: string, event: RecordedEvent, entityId: string, duplicate: boolean, revision: bigint): CommandResult {
  return { ok: true, stream, revision, position: event.position, event, duplicate, entityId }
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
