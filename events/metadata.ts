import { z } from 'zod'

export const Role = z.enum(['reader', 'editor', 'admin', 'system'])
export type Role = z.infer<typeof Role>

/** Who wrote an event, why, and when: recorded with every event, never changed. */
export const EventMetadata = z
  .object({
    actor: z.string().min(1).max(200),
    role: Role,
    correlationId: z.string().min(1).max(200),
    causationId: z.string().min(1).max(200),
    idempotencyKey: z.string().min(1).max(200).optional(),
    recordedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
export type EventMetadata = z.infer<typeof EventMetadata>
