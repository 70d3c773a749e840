import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate
 * requests and serialize responses, at GET /openapi.json; Swagger UI at
 * /docs, served from the package's bundled files (no CDN, works offline).
 * Register before the routes: the document collects them as they are added.
 */
export async function registerApiDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'factledger',
        version,
        description:
          'An event-sourced fact ledger with provenance. Reads are public unless the server says otherwise; writes need `Authorization: Bearer <API key>`. Positions and revisions are decimal strings. Errors are RFC 9457 problem details.',
      },
      tags: [
        { name: 'facts', description: 'reconciled figures on three clocks' },
        { name: 'claims', description: 'what sources said, with citations' },
        { name: 'sources', description: 'the articles and documents cited' },
        { name: 'exports', description: 'ClaimReview and PROV' },
        { name: 'events', description: 'the global log and its live feed' },
        { name: 'ledger', description: 'tamper evidence: Merkle head, proofs, verification' },
        { name: 'audit', description: 'who corrected, retracted, disputed, moved and pinned what, and why' },
        { name: 'policy', description: 'the reconciliation policy' },
        { name: 'operations', description: 'health and readiness' },
      ],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'an API key from FACTLEDGER_API_KEYS' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // As for the API: plain HTTP on a LAN address must still load the page's own scripts.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
    uiConfig: { deepLinking: true, docExpansion: 'list' },
  })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}
