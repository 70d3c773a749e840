import { z } from 'zod'
import { Role } from '../../events/metadata.js'

/**
 * Who is asking and how: carried into every event's metadata. `expectedRevision`
 * is the editor's If-Match (the revision of the stream they looked at); without
 * it the command checks invariants against the latest state and appends
 * atomically on top of exactly that revision anyway.
 */
export const CommandContext = z.object({
  actor: z.string().min(1).max(200),
  role: Role,
  correlationId: z.string().min(1).max(200).optional(),
  causationId: z.string().min(1).max(200).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  expectedRevision: z.bigint().nonnegative().optional(),
})
export type CommandContext = z.infer<typeof CommandContext>
