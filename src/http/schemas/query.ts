import { z } from 'zod'
import { IsoDate, MAX_ID_LENGTH } from '../../../events/ids.js'
import { FactStatus } from '../../../projections/model.js'

export const MAX_LIMIT = 200

/** Page size: rejected (not clamped) when out of range, so a client never silently gets less than it asked for. */
export const pageLimit = (max: number, byDefault: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be at least 1').max(max, `limit must be at most ${max}`))
    .optional()
    .describe(`page size, 1..${max} (default ${byDefault})`)

export const Limit = pageLimit(MAX_LIMIT, 50)

export const Cursor = z.string().min(1).max(500).optional().describe('opaque cursor from the previous page\'s `next`')

/** A global ledger position in a URL: a non-negative integer. */
export const PositionText = z.string().regex(/^\d{1,19}$/, 'must be a ledger position (a non-negative integer)').transform(BigInt)

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/
const asOfMessage = 'asOf must be a ledger position (a non-negative integer, e.g. 42) or an ISO 8601 date or timestamp (e.g. 2024-11-28T00:00:00Z)'

/** The ledger clock: a position, or a date/timestamp resolved to the last event recorded by then. */
export const AsOf = z
  .string()
  .transform((raw, ctx): bigint | string => {
    if (/^\d{1,19}$/.test(raw)) return BigInt(raw)
    if (ISO.test(raw) && !Number.isNaN(Date.parse(raw))) return raw
    ctx.addIssue({ code: 'custom', message: asOfMessage })
    return z.NEVER
  })
  .optional()
  .describe('ledger clock: a position (e.g. 42) or a timestamp; "what did this ledger say then"')

export const ClockQuery = z.object({
  asOf: AsOf,
  knownAt: IsoDate.optional().describe('publication clock: only sources published by then ("what did the public record say then")'),
  validAt: IsoDate.optional().describe('valid-time clock: the figure as it stood in the world on that date'),
})

export const FactListQuery = ClockQuery.extend({
  status: FactStatus.optional(),
  q: z.string().min(1).max(200).optional().describe('case-insensitive text in the fact id, question or subject'),
  cursor: Cursor,
  limit: Limit,
}).strict()

export const PageQuery = z.object({ cursor: Cursor, limit: Limit }).strict()

export const EventPageQuery = z
  .object({
    from: PositionText.optional().describe('exclusive: events after this position (default 0, the start)'),
    limit: Limit,
  })
  .strict()

/** Path ids are taken as given; an unknown (or malformed) id is a 404, not a 400. */
export const IdParams = z.object({ id: z.string().min(1).max(MAX_ID_LENGTH) })
