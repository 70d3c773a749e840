import { streamOf } from '../../../events/ids.js'
import { evolveSource } from '../../../projections/evolve-source.js'
import { authorize } from '../authorize.js'
import type { CommandContext } from '../context.js'
import type { LedgerDeps } from '../deps.js'
import { fail } from '../errors.js'
import { commandIds } from '../idempotency.js'
import { RegisterSourceInput, RetractSourceInput, ReviseSourceInput } from '../inputs.js'
import { loadStream } from '../load-stream.js'
import { parseInput } from '../parse-input.js'
import type { CommandResult } from '../result.js'
import { sha256Hex } from '../snapshot.js'
import { writeEvent } from '../write-event.js'

export async function registerSource(deps: LedgerDeps, ctx: CommandContext, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(RegisterSourceInput, input)
  if (!parsed.ok) return parsed
  const { snapshotText, sourceId: givenId, ...rest } = parsed.value
  const ids = commandIds(ctx)
  const sourceId = givenId ?? ids.entityId
  const data = { sourceId, ...rest, ...(snapshotText ? { snapshot: { text: snapshotText, sha256: sha256Hex(snapshotText) } } : {}) }
  const target = await loadStream(deps.store, streamOf.source(sourceId), evolveSource)
  return writeEvent(deps, ctx, target, { type: 'SourceRegistered', data, eventId: ids.eventId, entityId: sourceId }, () =>
    target.doc ? fail.exists('source', 'sourceId', sourceId) : null,
  )
}

export async function reviseSource(deps: LedgerDeps, ctx: CommandContext, sourceId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(ReviseSourceInput, input)
  if (!parsed.ok) return parsed
  const { snapshotText, ...rest } = parsed.value
  const data = { sourceId, ...rest, ...(snapshotText ? { snapshot: { text: snapshotText, sha256: sha256Hex(snapshotText) } } : {}) }
  const target = await loadStream(deps.store, streamOf.source(sourceId), evolveSource)
  return writeEvent(deps, ctx, target, { type: 'SourceRevised', data, eventId: commandIds(ctx).eventId, entityId: sourceId }, () => {
    if (!target.doc) return fail.notFound('source', 'sourceId', sourceId)
    if (target.doc.retracted) return fail.invariant('sourceId', 'the source was retracted; a retracted source is not revised')
    return null
  })
}

export async function retractSource(deps: LedgerDeps, ctx: CommandContext, sourceId: string, input: unknown): Promise<CommandResult> {
  const denied = authorize(ctx, 'editor')
  if (denied) return { ok: false, error: denied }
  const parsed = parseInput(RetractSourceInput, input)
  if (!parsed.ok) return parsed
  const target = await loadStream(deps.store, streamOf.source(sourceId), evolveSource)
  const data = { sourceId, ...parsed.value }
  return writeEvent(deps, ctx, target, { type: 'SourceRetracted', data, eventId: commandIds(ctx).eventId, entityId: sourceId }, () => {
    if (!target.doc) return fail.notFound('source', 'sourceId', sourceId)
    if (target.doc.retracted) return fail.invariant('sourceId', 'the source is already retracted')
    return null
  })
}
