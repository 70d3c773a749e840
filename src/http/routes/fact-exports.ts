import { Readable } from 'node:stream'
import { z } from 'zod'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { EventStore } from '../../store/port.js'
import type { HttpDeps } from '../deps.js'
import { ClaimReview, toClaimReview } from '../exports/claimreview.js'
import { claimsCsvLines } from '../exports/claims-csv.js'
import { jsonChunks } from '../exports/json-chunks.js'
import { ProvDocument, toProv } from '../exports/prov.js'
import { loadFactRecord } from '../fact-record.js'
import { notFound } from '../read-helpers.js'
import { IdParams } from '../schemas/query.js'
import { problemResponses } from '../schemas/route-docs.js'

const END = 9_223_372_036_854_775_807n
const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`

/**
 * GET /facts/:id/claimreview (schema.org JSON-LD), /facts/:id/prov (W3C
 * PROV-JSON) and /facts/:id/claims.csv. Each is built from the fact's current
 * documents (linear in its claims, never its view history); PROV and CSV are
 * streamed.
 */
export function factExportRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { store } = deps.runtime
  return async (app) => {
    app.get(
      '/facts/:id/claimreview',
      {
        config: { access: 'read' },
        schema: {
          tags: ['exports'],
          summary: 'The fact as a schema.org ClaimReview (JSON-LD)',
          params: IdParams,
          response: { 200: { description: 'ClaimReview', content: { 'application/ld+json': { schema: ClaimReview } } }, ...problemResponses },
        },
      },
      async (request, reply) => {
        const record = await loadFactRecord(deps.runtime, request.params.id)
        if (!record?.view) return notFound(reply, `fact "${request.params.id}"`)
        // When the view last changed: its latest stored history row, not the latest event the runner re-checked it at.
        // (After a catch-up in large batches that row is at the batch's last event of the fact: reconciling every
        // position before it to find the exact one would make a fact with thousands of claims take minutes.)
        const changedAt = BigInt((await deps.runtime.readModel.getFactViewAt(record.fact.factId, END))?.asOf.position ?? record.view.asOf.position)
        const datePublished = (await recordedAt(store, changedAt)) ?? record.fact.defined.recordedAt
        const review = toClaimReview({ ...record, view: record.view }, { baseUrl: baseUrlOf(request), reviewer: deps.reviewer, datePublished })
        return reply.type('application/ld+json').send(review)
      },
    )

    app.get(
      '/facts/:id/prov',
      {
        config: { access: 'read' },
        schema: {
          tags: ['exports'],
          summary: 'The provenance of the fact as W3C PROV-JSON',
          params: IdParams,
          response: { 200: { description: 'PROV-JSON document', content: { 'application/json': { schema: ProvDocument } } }, ...problemResponses },
        },
      },
      async (request, reply) => {
        const record = await loadFactRecord(deps.runtime, request.params.id)
        if (!record) return notFound(reply, `fact "${request.params.id}"`)
        // Streamed a record at a time: a fact with thousands of claims never becomes one string.
        return (reply as FastifyReply).type('application/json').send(Readable.from(jsonChunks(toProv(record, { baseUrl: baseUrlOf(request) }))))
      },
    )

    app.get(
      '/facts/:id/claims.csv',
      {
        config: { access: 'read' },
        schema: {
          tags: ['exports'],
          summary: "The fact's claims as CSV, one row per claim (with those since moved away)",
          params: IdParams,
          response: { 200: { description: 'CSV (RFC 4180)', content: { 'text/csv': { schema: z.string() } } }, ...problemResponses },
        },
      },
      async (request, reply) => {
        const record = await loadFactRecord(deps.runtime, request.params.id)
        if (!record) return notFound(reply, `fact "${request.params.id}"`)
        // A stream is sent as it is; the typed reply only knows the schema's string.
        return (reply as FastifyReply)
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${record.fact.factId.replace(/[^A-Za-z0-9._-]/g, '_')}-claims.csv"`)
          .send(Readable.from(claimsCsvLines(record.fact.factId, record.view, record.claims, record.sources)))
      },
    )
  }
}

async function recordedAt(store: EventStore, position: bigint): Promise<string | null> {
  if (position < 1n) return null
  for await (const event of store.readAll({ fromPosition: position - 1n, maxCount: 1 })) return event.metadata.recordedAt
  return null
}
