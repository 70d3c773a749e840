import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { HttpDeps } from '../deps.js'

const Health = z.object({ status: z.literal('ok') })
const Readiness = z.object({
  status: z.enum(['ready', 'not-ready']),
  store: z.string().describe('the event store adapter'),
  headPosition: z.string().nullable().describe('last committed position; null when the store cannot be reached'),
  projectedPosition: z.string().describe('last position folded into the read model'),
  lag: z.string().nullable().describe('events committed but not yet projected'),
  reason: z.string().optional(),
})

/** GET /health (the process is up) and GET /ready (the store answers and the read model keeps up). */
export function healthRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { store, runner } = deps.runtime
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public', rateLimit: false },
        schema: { tags: ['operations'], summary: 'Liveness', response: { 200: Health } },
      },
      async () => ({ status: 'ok' as const }),
    )

    app.get(
      '/ready',
      {
        config: { access: 'public', rateLimit: false },
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the store answers and projections are caught up',
          description: `503 when the store cannot be reached or the read model is more than ${deps.maxReadyLag} events behind.`,
          response: { 200: Readiness, 503: Readiness },
        },
      },
      async (request, reply) => {
        const integrity = deps.integrity.state()
        const projected = runner.position()
        let head: bigint
        try {
          head = await store.headPosition()
        } catch (err) {
          request.log.warn({ err }, 'store not reachable')
          return reply.code(503).send({ status: 'not-ready', store: store.kind, headPosition: null, projectedPosition: projected.toString(), lag: null, reason: 'the event store cannot be reached' })
        }
        const lag = head > projected ? head - projected : 0n
        if (integrity.status === 'tampered') {
          return reply.code(503).send({ status: 'not-ready', store: store.kind, headPosition: head.toString(), projectedPosition: projected.toString(), lag: lag.toString(), reason: `LEDGER TAMPERED: ${integrity.detail}` })
        }
        const ready = lag <= deps.maxReadyLag
        return reply.code(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'not-ready',
          store: store.kind,
          headPosition: head.toString(),
          projectedPosition: projected.toString(),
          lag: lag.toString(),
          ...(ready ? {} : { reason: `the read model is ${lag} events behind` }),
        })
      },
    )
  }
}
