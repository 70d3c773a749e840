import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { toEventLine } from '../../interchange/ndjson-event.js'
import type { HttpDeps } from '../deps.js'
import { PositionText } from '../schemas/query.js'
import { problemResponses } from '../schemas/route-docs.js'

/**
 * GET /events/live: server-sent events. Each ledger event is sent with
 * `id:` = its global position, so a reconnecting EventSource resumes with
 * Last-Event-ID and receives exactly what it missed (catch-up from the log),
 * then live events. Comment heartbeats keep proxies from closing an idle
 * stream. The stream ends when the client goes away or the server shuts down.
 */
export function liveEventRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { store } = deps.runtime
  return async (app) => {
    app.get(
      '/events/live',
      {
        // A HEAD would open an endless stream with no body to send.
        exposeHeadRoute: false,
        config: { access: 'read' },
        schema: {
          tags: ['events'],
          summary: 'Live feed of ledger events (text/event-stream)',
          description:
            'Frames: `id: <position>`, `event: ledger-event`, `data: <EventLine JSON>`. Resume with the Last-Event-ID header (or `?from=<position>`); without either the feed starts at the current head.',
          querystring: z.object({ from: PositionText.optional() }).strict(),
          headers: z.looseObject({ 'last-event-id': PositionText.optional() }),
          response: { 200: { description: 'an endless text/event-stream', content: { 'text/event-stream': { schema: z.string() } } }, ...problemResponses },
        },
      },
      async (request, reply) => {
        const from = request.headers['last-event-id'] ?? request.query.from ?? (await store.headPosition())
        const controller = new AbortController()
        const { signal } = controller
        deps.liveStreams.add(controller)
        const raw = reply.raw
        reply.hijack()
        const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter((h): h is [string, string | number | string[]] => h[1] !== undefined))
        raw.writeHead(200, {
          ...headers,
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          // The connection ends with the stream, so a shutdown never waits on an idle keep-alive socket.
          connection: 'close',
          'x-accel-buffering': 'no',
        })
        raw.on('close', () => controller.abort())
        const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), deps.heartbeatMs)
        heartbeat.unref()
        request.log.info({ from: from.toString() }, 'live feed opened')
        try {
          raw.write(`retry: 2000\n: from ${from}\n\n`)
          for await (const event of store.subscribeToAll({ fromPosition: from, signal })) {
            const frame = `id: ${event.position}\nevent: ledger-event\ndata: ${toEventLine(event)}\n\n`
            if (!raw.write(frame)) await drained(raw, signal)
          }
        } catch (err) {
          if (!signal.aborted) request.log.error({ err }, 'live feed failed')
        } finally {
          clearInterval(heartbeat)
          deps.liveStreams.delete(controller)
          raw.end()
          request.log.info('live feed closed')
        }
      },
    )
  }
}

async function drained(raw: ServerResponse, signal: AbortSignal): Promise<void> {
  try {
    await once(raw, 'drain', { signal })
  } catch {
    // aborted: the loop ends on the next check of the signal
  }
}
