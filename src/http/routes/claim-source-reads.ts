import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { streamOf } from '../../../events/ids.js'
import { SourceDoc } from '../../../projections/model.js'
import { streamRevision } from '../../store/stream-revision.js'
import { encodeCursor } from '../cursor.js'
import type { HttpDeps } from '../deps.js'
import { formatEtag } from '../etag.js'
import { afterOf, notFound, pageOrBadCursor } from '../read-helpers.js'
import { IdParams, PageQuery } from '../schemas/query.js'
import { ClaimResponse, SourcePage } from '../schemas/responses.js'
import { problemResponses } from '../schemas/route-docs.js'

/** GET /claims/:id, /sources, /sources/:id: the cited material behind the facts. */
export function claimSourceReadRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { readModel, store } = deps.runtime
  return async (app) => {
    app.get(
      '/claims/:id',
      {
        config: { access: 'read' },
        schema: {
          tags: ['claims'],
          summary: 'A claim: citation, source and lifecycle',
          description: 'The ETag (and `revision`) is the claim stream revision: send it as If-Match when correcting, retracting, disputing or reassigning.',
          params: IdParams,
          response: { 200: ClaimResponse, ...problemResponses },
        },
      },
      async (request, reply) => {
        const claim = await readModel.getClaim(request.params.id)
        if (!claim) return notFound(reply, `claim "${request.params.id}"`)
        const [source, revision] = await Promise.all([readModel.getSource(claim.sourceId), streamRevision(store, streamOf.claim(claim.claimId))])
        const current = revision ?? BigInt(claim.lifecycle.at(-1)!.stamp.revision)
        reply.header('etag', formatEtag(current))
        return { claim, source, revision: current.toString() }
      },
    )

    app.get(
      '/sources',
      {
        config: { access: 'read' },
        schema: { tags: ['sources'], summary: 'List sources', querystring: PageQuery, response: { 200: SourcePage, ...problemResponses } },
      },
      async (request, reply) => {
        const after = afterOf(request.query.cursor, reply)
        if (!after.ok) return reply
        const page = await pageOrBadCursor(reply, () => readModel.listSources({ limit: request.query.limit ?? 50, ...(after.after !== undefined ? { after: after.after } : {}) }))
        return page && { items: page.items, next: encodeCursor(page.next) }
      },
    )

    app.get(
      '/sources/:id',
      {
        config: { access: 'read' },
        schema: {
          tags: ['sources'],
          summary: 'A source: publisher, publication date, origin, revisions',
          params: IdParams,
          response: { 200: SourceDoc, ...problemResponses },
        },
      },
      async (request, reply) => {
        const source = await readModel.getSource(request.params.id)
        if (!source) return notFound(reply, `source "${request.params.id}"`)
        const revision = await streamRevision(store, streamOf.source(source.sourceId))
        if (revision !== null) reply.header('etag', formatEtag(revision))
        return source
      },
    )
  }
}
