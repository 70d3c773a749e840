import { canonicalize } from '../store/shared/canonical-json.js'
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid'
import type { RecordedEvent } from '../../events/envelope.js'
import type { CommandContext } from './context.js'


// A fixed namespace for ids derived from Idempotency-Keys (random, generated once).
const IDEMPOTENCY_NAMESPACE = '6f0d6f5e-3c56-4b8e-9a43-0d2f2c1b7a11'

/**
 * Ids for a command's event and, for creating commands, its new entity. With
 * an Idempotency-Key they are derived from (actor, key), so a retry names the
 * same event and the same stream and the store recognises it; without one they
 * are fresh UUIDv7s.
 */
export function commandIds(ctx: CommandContext): { eventId: string; entityId: string } {
  if (!ctx.idempotencyKey) return { eventId: uuidv7(), entityId: uuidv7() }
  const base = `${ctx.actor}\n${ctx.idempotencyKey}`
  return { eventId: uuidv5(`${base}\nevent`, IDEMPOTENCY_NAMESPACE), entityId: uuidv5(`${base}\nentity`, IDEMPOTENCY_NAMESPACE) }
}

/** Is a stored event the same command as the one being retried? */
export function sameCommand(stored: RecordedEvent, type: string, data: unknown): boolean {
  return stored.type === type && canonicalize(stored.data) === canonicalize(data)
}
