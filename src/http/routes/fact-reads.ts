import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { streamOf } from '../../../events/ids.js'
import { FactView } from '../../../projections/model.js'
import { readCurrentFactText } from '../../read/current-fact.js'
import { streamRevision } from '../../store/stream-revision.js'
import { encodeCursor } from '../cursor.js'
import type { HttpDeps } from '../deps.js'
import { formatEtag } from '../etag.js'
import { type CurrentFactResponse, JSON_CONTENT_TYPE, createFactViewCache } from '../fact-view-cache.js'
import { listFactsAtClocks } from '../fact-list.js'
import type { Clocks } from '../../read/clocks.js'
import { afterOf, clocksOf, notFound, pageOrBadCursor } from '../read-helpers.js'
import { ClockQuery, FactListQuery, IdParams } from '../schemas/query.js'
import { FactPage } from '../schemas/responses.js'
import { problemResponses } from '../schemas/route-docs.js'

/** GET /facts and /facts/:id: the reconciled views on the three clocks. */
export function factReadRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { facts, store, config } = deps.runtime
  const viewCache = createFactViewCache({
    maxBytes: config.FACTLEDGER_VIEW_CACHE_MB * 1024 * 1024,
    readStamp: () => deps.runtime.readChangeStamp?.() ?? null,
  })
  /** A current view's response; a string with a JSON content type is sent as it is, no serializer runs on it again. */
  function sendCurrent(reply: FastifyReply, current: CurrentFactResponse): FastifyReply {
    if (current.streamHead !== null) reply.header('etag', formatEtag(current.streamHead))
    return reply.type(JSON_CONTENT_TYPE).send(current.body)
  }

  /** The current view as the read model stored it (see fact-view-cache.ts), read after `stamp` was. */
  async function readCurrentFact(reply: FastifyReply, id: string, stamp: string | null) {
    const read = await readCurrentFactText(deps.runtime, id)
    // A backend that cannot hand over text: the parsed view, as for any clock.
    if (read === null) return factAtClocks(reply, id, {})
    if (read.viewText === null) return notFound(reply, `fact "${id}"`)
    return sendCurrent(reply, viewCache.answer(id, read.viewText, read.streamHead, stamp))
  }

  /** The view at the asked clocks, parsed, for the route's serializer. */
  async function factAtClocks(reply: FastifyReply, id: string, clocks: Clocks) {
    const [view, revision] = await Promise.all([facts.getFact(id, clocks), streamRevision(store, streamOf.fact(id))])
    if (!view) {
      const exists = revision !== null && Object.keys(clocks).length > 0
      return notFound(reply, exists ? `fact "${id}" at the asked clocks` : `fact "${id}"`)
    }
    if (revision !== null) reply.header('etag', formatEtag(revision))
    return view
  }

  return async (app) => {
    app.get(
      '/facts',
      {
        config: { access: 'read' },
        schema: {
          tags: ['facts'],
          summary: 'List reconciled facts',
          description: 'Filter by status or text; page with `cursor`; ask any of the three clocks (asOf, knownAt, validAt).',
          querystring: FactListQuery,
          response: { 200: FactPage, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { status, q, cursor, limit, ...clocks } = request.query
        const after = afterOf(cursor, reply)
        if (!after.ok) return reply
        const query = { limit: limit ?? 50, ...(status ? { status } : {}), ...(q ? { q } : {}), ...(after.after !== undefined ? { after: after.after } : {}) }
        const page = await pageOrBadCursor(reply, () => listFactsAtClocks(facts, query, clocksOf(clocks)))
        return page && { items: page.items, next: encodeCursor(page.next) }
      },
    )

    app.get(
      '/facts/:id',
      {
        config: { access: 'read' },
        schema: {
          tags: ['facts'],
          summary: 'One reconciled fact, with its explanation',
          description: 'The ETag is the fact stream revision: send it as If-Match when pinning or unpinning.',
          params: IdParams,
          querystring: ClockQuery.strict(),
          response: { 200: FactView, ...problemResponses },
        },
      },
      (request, reply) => {
        const { id } = request.params
        const clocks = clocksOf(request.query)
        if (Object.keys(clocks).length > 0) return factAtClocks(reply, id, clocks)
        // The stamp first: a commit after it, even one before the read, makes the remembered response miss.
        const stamp = viewCache.stamp()
        const known = viewCache.fresh(id, stamp)
        // Remembered and nothing committed since: answered at once, without a read or a promise.
        if (known) return void sendCurrent(reply, known)
        return readCurrentFact(reply, id, stamp)
      },
    )
  }
}
