import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IsoDate } from '../../../events/ids.js'
import { AuditEntry, AuditKind, readAuditTrail } from '../audit-trail.js'
import type { HttpDeps } from '../deps.js'
import { Limit } from '../schemas/query.js'
import { problemResponses } from '../schemas/route-docs.js'

const kindList = z
  .string()
  .max(300)
  .transform((raw, ctx) => {
    const kinds = raw.split(',').map((k) => k.trim()).filter(Boolean)
    const bad = kinds.filter((k) => !AuditKind.safeParse(k).success)
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `unknown kind "${bad[0]}"; kinds are ${AuditKind.options.join(', ')}` })
      return z.NEVER
    }
    return kinds as AuditKind[]
  })

export const AuditQuery = z.object({
  actor: z.string().min(1).max(200).optional().describe('who did it: the name of a named key ("Ana Ruiz") or a key id'),
  factId: z.string().min(1).max(200).optional().describe('acts on this fact or on claims filed under it (now or before)'),
  kind: kindList.optional().describe(`comma-separated: ${AuditKind.options.join(', ')}`),
  from: IsoDate.optional().describe('recorded on or after this date'),
  to: IsoDate.optional().describe('recorded on or before this date'),
  cursor: z.string().regex(/^\d{1,19}$/, 'cursor is not one this API issued; pass the `next` value of the previous page unchanged').optional(),
  limit: Limit,
}).strict()

export const AuditPageResponse = z.object({ items: z.array(AuditEntry), next: z.string().nullable() })

/**
 * GET /audit: who corrected, retracted, disputed, resolved, moved and pinned
 * what, and why, newest first. GET /corrections is its public face: the
 * corrections and retractions of claims, for a newsroom's corrections page.
 */
export function auditRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { store, readModel } = deps.runtime
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { access: 'read' },
        schema: { tags: ['audit'], summary: 'Editorial acts with their reasons, newest first, filterable by person, fact, kind and date', querystring: AuditQuery, response: { 200: AuditPageResponse, ...problemResponses } },
      },
      async (request) => {
        const { actor, factId, kind, from, to, cursor, limit } = request.query
        return readAuditTrail(store, readModel, { ...(actor ? { actor } : {}), ...(factId ? { factId } : {}), ...(kind ? { kinds: kind } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }, { limit: limit ?? 50, ...(cursor ? { before: BigInt(cursor) } : {}) })
      },
    )

    app.get(
      '/corrections',
      {
        config: { access: 'read' },
        schema: { tags: ['audit'], summary: 'Corrections and retractions of claims, newest first (a public corrections feed)', querystring: AuditQuery.pick({ factId: true, cursor: true, limit: true }), response: { 200: AuditPageResponse, ...problemResponses } },
      },
      async (request) => {
        const { factId, cursor, limit } = request.query
        return readAuditTrail(store, readModel, { kinds: ['corrected', 'retracted'], ...(factId ? { factId } : {}) }, { limit: limit ?? 50, ...(cursor ? { before: BigInt(cursor) } : {}) })
      },
    )
  }
}
