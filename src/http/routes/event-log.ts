import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RecordedEvent } from '../../../events/envelope.js'
import type { z } from 'zod'
import { type EventLine, toEventLine } from '../../interchange/ndjson-event.js'
import type { HttpDeps } from '../deps.js'
import { EventPageQuery } from '../schemas/query.js'
import { EventPage } from '../schemas/responses.js'
import { problemResponses } from '../schemas/route-docs.js'

/** An event in the export's line shape (bigints as strings, hashes included). */
export const eventLineOf = (e: RecordedEvent): z.infer<typeof EventLine> => JSON.parse(toEventLine(e)) as z.infer<typeof EventLine>

/** GET /events: the global log, in position order, exactly as `factledger export` writes it. */
export function eventLogRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { store } = deps.runtime
  return async (app) => {
    app.get(
      '/events',
      {
        config: { access: 'read' },
        schema: {
          tags: ['events'],
          summary: 'The global event log',
          description: 'Events after position `from` (exclusive). Keep `next` and pass it as `from` to continue; hashes let a client check every stream chain.',
          querystring: EventPageQuery,
          response: { 200: EventPage, ...problemResponses },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 50
        const events: RecordedEvent[] = []
        // One more than asked says whether another page exists.
        for await (const e of store.readAll({ fromPosition: request.query.from ?? 0n, maxCount: limit + 1 })) events.push(e)
        const page = events.slice(0, limit)
        return { items: page.map(eventLineOf), next: events.length > limit ? page.at(-1)!.position.toString() : null }
      },
    )
  }
}
