import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { streamOf } from '../../../events/ids.js'
import { snapshotVersions } from '../../ledger/snapshot.js'
import type { HttpDeps } from '../deps.js'
import { notFound } from '../read-helpers.js'
import { problemResponses } from '../schemas/route-docs.js'

const SnapshotParams = z.object({
  id: z.string().min(1).max(200).describe('the source id'),
  version: z.coerce.number().int().nonnegative().describe('0 for the text as first published, n for the text of revision n'),
})

export const SnapshotText = z
  .object({
    sourceId: z.string(),
    version: z.number().int().nonnegative(),
    sha256: z.string().describe('sha256 of the text, as stored in the ledger'),
    publishedAt: z.string().describe('when this text became public: the publication date, or the revision date'),
    text: z.string(),
  })
  .meta({ id: 'SnapshotText' })

/**
 * GET /sources/:id/snapshots/:version: one saved text of a source. A
 * revision adds a version and never replaces one, so the words an old
 * citation's offsets point at stay readable.
 */
export function sourceSnapshotRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { store } = deps.runtime
  return async (app) => {
    app.get(
      '/sources/:id/snapshots/:version',
      {
        config: { access: 'read' },
        schema: {
          tags: ['sources'],
          summary: 'One saved version of the source text (0: as first published; n: after revision n)',
          description: 'Every version stays readable; `GET /sources/:id` lists them under `snapshots`.',
          params: SnapshotParams,
          response: { 200: SnapshotText, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { id, version } = request.params
        const events = []
        for await (const event of store.readStream(streamOf.source(id))) events.push(event)
        if (events.length === 0) return notFound(reply, `source "${id}"`)
        const found = snapshotVersions(events).find((v) => v.version === version)
        if (!found) return notFound(reply, `snapshot version ${version} of source "${id}"`)
        return { sourceId: id, version: found.version, sha256: found.sha256, publishedAt: found.publishedAt, text: found.text }
      },
    )
  }
}
