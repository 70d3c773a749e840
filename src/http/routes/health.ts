import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ProjectionHealth } from '../../runner/projection-health.js'
import type { HttpDeps } from '../deps.js'

const Health = z.object({ status: z.literal('ok') })
const Readiness = z.object({
  status: z.enum(['ready', 'not-ready']),
  store: z.string().describe('the event store adapter'),
  headPosition: z.string().nullable().describe('last committed position; null when the store cannot be reached'),
  projectedPosition: z.string().describe('last position folded into the read model'),
  lag: z.string().nullable().describe('events committed but not yet projected'),
  projection: ProjectionHealth.describe('the projection runner: following, or retrying a failed batch (stuck position, failing event, error)'),
  writes: z
    .object({ kind: z.enum(['storage-full', 'store-unavailable']), error: z.string(), since: z.string() })
    .nullable()
    .describe('a recent write that could not be stored (disk full, store down): not ready until writes succeed again'),
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
          description: `503 when the store cannot be reached, the projections are retrying a failed batch, or the read model is more than ${deps.maxReadyLag} events behind.`,
          response: { 200: Readiness, 503: Readiness },
        },
      },
      async (request, reply) => {
        const integrity = deps.integrity.state()
        const projected = runner.position()
        const projection = runner.health()
        const failedWrite = deps.writeHealth.current()
        const writes = failedWrite && { kind: failedWrite.kind, error: failedWrite.error, since: failedWrite.since }
        const base = { store: store.kind, projectedPosition: projected.toString(), projection, writes }
        let head: bigint
        try {
          head = await store.headPosition()
        } catch (err) {
          request.log.warn({ err }, 'store not reachable')
          return reply.code(503).send({ status: 'not-ready', ...base, headPosition: null, lag: null, reason: 'the event store cannot be reached' })
        }
        const lag = head > projected ? head - projected : 0n
        if (integrity.status === 'tampered') {
          return reply.code(503).send({ status: 'not-ready', ...base, headPosition: head.toString(), lag: lag.toString(), reason: `LEDGER TAMPERED: ${integrity.detail}` })
        }
        const reason = writes
          ? `writes cannot be stored since ${writes.since} (${writes.kind === 'storage-full' ? 'the disk is full' : 'the store is unavailable'}): ${writes.error}`
          : notReadyBecause(projection, lag, deps.maxReadyLag)
        return reply.code(reason ? 503 : 200).send({
          status: reason ? 'not-ready' : 'ready',
          ...base,
          headPosition: head.toString(),
          lag: lag.toString(),
          ...(reason ? { reason } : {}),
        })
      },
    )
  }
}

function notReadyBecause(projection: ProjectionHealth, lag: bigint, maxLag: bigint): string | null {
  const failure = projection.failure
  if (failure) {
    const at = failure.event ? `event ${failure.event.id} (position ${failure.event.position}, ${failure.event.type})` : `the batch after position ${projection.projectedPosition}`
    return `projections are stuck at ${at}: ${failure.error} (${failure.attempts} attempts; retrying in ${failure.retryInMs} ms)`
  }
  if (lag > maxLag) return `the read model is ${lag} events behind`
  return null
}
