import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { decodeRecorded } from '../../../events/decode.js'
import { streamOf } from '../../../events/ids.js'
import { ClaimDoc } from '../../../projections/model.js'
import type { EventStore } from '../../store/port.js'
import type { ReadModelStore } from '../../read-model/port.js'
import type { HttpDeps } from '../deps.js'
import { encodeCursor } from '../cursor.js'
import { afterOf, badCursor, notFound } from '../read-helpers.js'
import { Cursor, IdParams, PageQuery, pageLimit } from '../schemas/query.js'
import { problemResponses } from '../schemas/route-docs.js'

/** One saved copy of a source: version 0 came with the registration, version n with its n-th revision. */
export const SnapshotVersion = z.object({
  version: z.number().int().nonnegative(),
  sha256: z.string(),
  /** When this text became public: the publication date, or the revision's date. */
  publishedAt: z.string(),
  text: z.string(),
})
const Next = z.string().nullable().describe('cursor for the next page; null on the last page')
export const SourceSnapshots = z.object({ sourceId: z.string(), versions: z.array(SnapshotVersion), next: Next })
export const SourceClaims = z.object({ sourceId: z.string(), items: z.array(ClaimDoc), next: Next })
/** Saved texts are whole articles: pages of a few. */
const SnapshotPageQuery = z.object({ cursor: Cursor, limit: pageLimit(20, 5) }).strict()

/**
 * GET /sources/:id/snapshots (every saved copy's text, oldest first: no text
 * is ever overwritten) and GET /sources/:id/claims (every claim citing the
 * source, wherever it is filed now): what a source page shows, each quote in
 * its context. Both paged.
 */
export function sourceMaterialRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { readModel, store } = deps.runtime
  return async (app) => {
    app.get(
      '/sources/:id/snapshots',
      {
        config: { access: 'read' },
        schema: { tags: ['sources'], summary: "Every saved copy of the source's text, oldest first, paged", params: IdParams, querystring: SnapshotPageQuery, response: { 200: SourceSnapshots, ...problemResponses } },
      },
      async (request, reply) => {
        const after = afterOf(request.query.cursor, reply)
        if (!after.ok) return reply
        const from = after.after === undefined ? -1 : /^\d{1,6}$/.test(after.after) ? Number(after.after) : null
        if (from === null) {
          badCursor(reply)
          return reply
        }
        const source = await readModel.getSource(request.params.id)
        if (!source) return notFound(reply, `source "${request.params.id}"`)
        const limit = request.query.limit ?? 5
        const rest = (await snapshotVersions(store, source.sourceId, source.publishedAt)).filter((v) => v.version > from)
        const versions = rest.slice(0, limit)
        return { sourceId: source.sourceId, versions, next: rest.length > limit ? encodeCursor(String(versions.at(-1)!.version)) : null }
      },
    )

    app.get(
      '/sources/:id/claims',
      {
        config: { access: 'read' },
        schema: { tags: ['sources'], summary: 'Every claim that cites the source, in the order of the quotes, paged', params: IdParams, querystring: PageQuery, response: { 200: SourceClaims, ...problemResponses } },
      },
      async (request, reply) => {
        const after = afterOf(request.query.cursor, reply)
        if (!after.ok) return reply
        const source = await readModel.getSource(request.params.id)
        if (!source) return notFound(reply, `source "${request.params.id}"`)
        const limit = request.query.limit ?? 50
        const all = await claimsCiting(readModel, source.sourceId)
        const rest = after.after === undefined ? all : all.filter((c) => citingKey(c) > after.after!)
        const items = rest.slice(0, limit)
        return { sourceId: source.sourceId, items, next: rest.length > limit ? encodeCursor(citingKey(items.at(-1)!)) : null }
      },
    )
  }
}

async function snapshotVersions(store: EventStore, sourceId: string, publishedAt: string): Promise<z.infer<typeof SnapshotVersion>[]> {
  const versions: z.infer<typeof SnapshotVersion>[] = []
  let revision = 0
  for await (const recorded of store.readStream(streamOf.source(sourceId))) {
    const event = decodeRecorded(recorded)
    if (event.type === 'SourceRevised') revision += 1
    if ((event.type === 'SourceRegistered' || event.type === 'SourceRevised') && event.data.snapshot) {
      const date = event.type === 'SourceRevised' ? event.data.revisedAt : publishedAt
      versions.push({ version: event.type === 'SourceRevised' ? revision : 0, sha256: event.data.snapshot.sha256, publishedAt: date, text: event.data.snapshot.text })
    }
  }
  return versions
}

/** Claims are indexed by fact: the facts this source ever had a claim under, then their claims from it. */
async function claimsCiting(readModel: ReadModelStore, sourceId: string): Promise<ClaimDoc[]> {
  const factIds = await readModel.getFactIdsOfSource(sourceId)
  const seen = new Map<string, ClaimDoc>()
  for (const factId of factIds) {
    for (const claim of await readModel.getClaimsOfFact(factId)) if (claim.sourceId === sourceId) seen.set(claim.claimId, claim)
  }
  return [...seen.values()].sort((a, b) => (citingKey(a) < citingKey(b) ? -1 : 1))
}

/** The order of a source's claims, and their page cursor: where the quote starts (zero-padded, so text order is number order), then the claim id. */
const citingKey = (claim: ClaimDoc) => `${String(claim.citation.start ?? 0).padStart(10, '0')}:${claim.claimId}`
