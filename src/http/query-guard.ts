import type { FastifyInstance } from 'fastify'
import { z } from 'zod'

const NoQuery = z.object({}).strict()

/**
 * A route that declares no query parameters accepts none: a misspelt
 * `?limt=5` is a 400 naming it, never silently ignored. Routes that take
 * parameters declare them with a strict schema of their own.
 */
export function refuseUnknownQueryParameters(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    // fastify-static serves files with its own (query-free) handling; a web page's assets may carry cache-busting queries.
    if (route.config?.access === undefined) return
    route.schema = { ...route.schema, querystring: route.schema?.querystring ?? NoQuery }
  })
}
