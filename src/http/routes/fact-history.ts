import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { factViewChanges } from '../../read/fact-versions.js'
import { encodeCursor } from '../cursor.js'
import type { HttpDeps } from '../deps.js'
import { claimsOfFactEver, loadFactRecord, sourcesOf } from '../fact-record.js'
import { factTimeline } from '../fact-timeline.js'
import { toFactVersion } from '../fact-version.js'
import { afterOf, badCursor, notFound, positionAfter } from '../read-helpers.js'
import { IdParams, PageQuery } from '../schemas/query.js'
import { FactClaimsPage, FactHistory, FactTimelinePage } from '../schemas/responses.js'
import { problemResponses } from '../schemas/route-docs.js'

/**
 * GET /facts/:id/history (the view's changes), /facts/:id/claims and
 * /facts/:id/timeline: a fact's past, each list a page at a time, so a fact
 * with thousands of claims and versions answers in bounded pieces.
 */
export function factHistoryRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { readModel } = deps.runtime
  return async (app) => {
    app.get(
      '/facts/:id/history',
      {
        config: { access: 'read' },
        schema: {
          tags: ['facts'],
          summary: "The changes of a fact's reconciled view, oldest first, paged",
          description: 'Each version carries its headline and the claim ids that changed role; `view` is where the whole view at that position is. Page with `cursor` (the previous page\'s `next`).',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: FactHistory, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const after = positionAfter(request.query.cursor, reply)
        if (!after.ok) return reply
        const fact = await readModel.getFact(id)
        if (!fact) return notFound(reply, `fact "${id}"`)
        const limit = request.query.limit ?? 50
        const versions = []
        let more = false
        for await (const change of factViewChanges(deps.runtime, id, after.after)) {
          if (versions.length === limit) {
            more = true
            break
          }
          versions.push(toFactVersion(change))
        }
        return { factId: id, fact, versions, next: more ? encodeCursor(versions.at(-1)!.position) : null }
      },
    )

    app.get(
      '/facts/:id/claims',
      {
        config: { access: 'read' },
        schema: {
          tags: ['facts', 'claims'],
          summary: 'Claims filed under the fact now or at any point, by claim id, paged, with their sources',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: FactClaimsPage, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const after = afterOf(request.query.cursor, reply)
        if (!after.ok) return reply
        if (!(await readModel.getFact(id))) return notFound(reply, `fact "${id}"`)
        const limit = request.query.limit ?? 50
        const all = await claimsOfFactEver(deps.runtime, id)
        const rest = after.after === undefined ? all : all.filter((c) => c.claimId > after.after!)
        const items = rest.slice(0, limit)
        return { factId: id, items, sources: await sourcesOf(readModel, items), next: rest.length > limit ? encodeCursor(items.at(-1)!.claimId) : null }
      },
    )

    app.get(
      '/facts/:id/timeline',
      {
        config: { access: 'read' },
        schema: {
          tags: ['facts'],
          summary: "A fact's events on the ledger, publication and valid-time clocks, in ledger order, paged",
          params: IdParams,
          querystring: PageQuery,
          response: { 200: FactTimelinePage, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const after = afterOf(request.query.cursor, reply)
        if (!after.ok) return reply
        const record = await loadFactRecord(deps.runtime, id)
        if (!record) return notFound(reply, `fact "${id}"`)
        const cursor = after.after === undefined ? { position: -1n, skip: 0 } : timelineCursorOf(after.after)
        if (!cursor) {
          badCursor(reply)
          return reply
        }
        const limit = request.query.limit ?? 50
        const rest = entriesAfter(factTimeline(record), cursor)
        const items = rest.slice(0, limit)
        return { factId: id, items, next: rest.length > limit ? encodeCursor(timelineCursor(items, cursor)) : null }
      },
    )
  }
}

/**
 * A timeline cursor: the last position sent and how many entries at it were
 * sent. Not an offset, because a claim reassigned here brings its earlier
 * events along, which sort before entries already sent.
 */
type TimelineCursor = { position: bigint; skip: number }
type Entry = { position: string }

function timelineCursorOf(key: string): TimelineCursor | null {
  const match = /^(\d{1,19}):(\d{1,6})$/.exec(key)
  return match ? { position: BigInt(match[1]!), skip: Number(match[2]) } : null
}

function timelineCursor(sent: readonly Entry[], previous: TimelineCursor): string {
  const position = sent.at(-1)!.position
  const earlier = BigInt(position) === previous.position ? previous.skip : 0
  return `${position}:${earlier + sent.filter((e) => e.position === position).length}`
}

function entriesAfter<T extends Entry>(timeline: readonly T[], cursor: TimelineCursor): T[] {
  const at = timeline.filter((e) => BigInt(e.position) === cursor.position)
  return [...at.slice(cursor.skip), ...timeline.filter((e) => BigInt(e.position) > cursor.position)]
}
