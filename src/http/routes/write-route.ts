import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { CommandContext } from '../../ledger/context.js'
import type { CommandResult } from '../../ledger/result.js'
import type { HttpDeps } from '../deps.js'
import { IdParams } from '../schemas/query.js'
import { WriteResult } from '../schemas/responses.js'
import { bearerAuth, problemResponses } from '../schemas/route-docs.js'
import { executeWrite } from '../write-command.js'

export interface WriteRouteSpec {
  method: 'POST' | 'DELETE'
  url: string
  tag: string
  summary: string
  description?: string
  /** The ledger command's input schema: validates the body and documents it. */
  body: z.ZodType
  access?: 'editor' | 'admin'
  /** Larger than the default for bodies that may carry a source's snapshot text. */
  bodyLimit?: number
  /** Commands that create an entity answer 201 with its Location. */
  location?: (id: string) => string
  /** The input field the URL's :id stands for (an unknown id there is a 404). */
  pathField?: string
  run: (ctx: CommandContext, id: string, body: unknown) => Promise<CommandResult>
}

const WriteHeaders = z.looseObject({
  'if-match': z.string().optional().describe('the ETag (stream revision) you read, e.g. "3": the write is refused with 409 if the stream moved on'),
  'idempotency-key': z.string().optional().describe('a unique key per intended write (e.g. a UUID): a retry with the same key and body returns the first result and writes nothing'),
})

/** Register one write route: API key, JSON body validated by the command's schema, safe-write headers. */
export function writeRoute(app: FastifyInstance, deps: HttpDeps, spec: WriteRouteSpec): void {
  const hasId = spec.url.includes(':id')
  app.withTypeProvider<ZodTypeProvider>().route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    config: { access: spec.access ?? 'editor' },
    schema: {
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      security: bearerAuth,
      ...(hasId ? { params: IdParams } : {}),
      headers: WriteHeaders,
      body: spec.body,
      response: { [spec.location ? 201 : 200]: WriteResult, ...problemResponses },
    },
    handler: async (request, reply) => {
      const id = hasId ? (request.params as { id: string }).id : ''
      await executeWrite(deps, request, reply, {
        command: (ctx) => spec.run(ctx, id, request.body),
        ...(spec.location ? { location: spec.location } : {}),
        ...(spec.pathField ? { pathField: spec.pathField } : {}),
      })
    },
  })
}
