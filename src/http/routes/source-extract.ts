import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { streamOf } from '../../../events/ids.js'
import { extractDraftClaims } from '../../extract/extract-draft-claims.js'
import type { ExtractErrorCode, KnownFact } from '../../extract/draft-claim.js'
import type { EventStore } from '../../store/port.js'
import type { ReadModelStore } from '../../read-model/port.js'
import type { HttpDeps } from '../deps.js'
import { problem, sendProblem } from '../problem.js'
import { ExtractRequest, ExtractResponse } from '../schemas/extract.js'
import { IdParams } from '../schemas/query.js'
import { bearerAuth, problemResponses } from '../schemas/route-docs.js'

const MAX_KNOWN_FACTS = 10_000
const refusalStatus: Record<ExtractErrorCode, number> = { InvalidInput: 400, TextTooLarge: 413, EmptyText: 422, BinaryText: 422, InvalidPublishedAt: 422 }

/**
 * POST /sources/:id/extract: draft claims from the article's text for an
 * editor to review. Writes nothing; recording a draft is a POST /claims.
 * The source supplies the publication date (to date "on Wednesday") and the
 * publisher (for figures nobody is quoted on); the ledger's facts are offered
 * as the ones a draft may belong to.
 */
export function sourceExtractRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { readModel, store } = deps.runtime
  return async (app) => {
    app.post(
      '/sources/:id/extract',
      {
        bodyLimit: deps.sourceBodyLimit,
        config: { access: 'editor' },
        schema: {
          tags: ['sources'],
          summary: "Draft claims from a source's text, for review",
          security: bearerAuth,
          params: IdParams,
          body: ExtractRequest,
          response: { 200: ExtractResponse, ...problemResponses },
        },
      },
      async (request, reply) => {
        const source = await readModel.getSource(request.params.id)
        if (!source) return sendProblem(reply, problem(404, 'NotFound', `source "${request.params.id}" does not exist`))
        const snapshot = request.body.text === undefined ? await latestSnapshot(store, source.sourceId) : null
        const text = request.body.text ?? snapshot
        if (text === null || text === undefined) {
          const message = 'the source has no snapshot text; send the article as { "text": "..." }'
          return sendProblem(reply, problem(422, 'InvariantViolated', message, { errors: [{ path: 'text', location: 'body', message }] }))
        }
        const result = extractDraftClaims({ text, publishedAt: source.publishedAt, publisher: source.publisher, knownFacts: await knownFacts(readModel) })
        if (!result.ok) {
          const status = refusalStatus[result.error.code]
          return sendProblem(reply, problem(status, status === 413 ? 'PayloadTooLarge' : status === 400 ? 'ValidationFailed' : 'InvariantViolated', result.error.message, { errors: [{ path: 'text', location: 'body', message: result.error.message }] }))
        }
        return { sourceId: source.sourceId, textSource: snapshot === null ? ('body' as const) : ('snapshot' as const), drafts: result.drafts, skipped: result.skipped }
      },
    )
  }
}

/** The snapshot text of the source's latest registration or revision that carried one. */
async function latestSnapshot(store: EventStore, sourceId: string): Promise<string | null> {
  let text: string | null = null
  for await (const event of store.readStream(streamOf.source(sourceId))) {
    const snapshot = (event.data as { snapshot?: { text?: unknown } }).snapshot
    if (typeof snapshot?.text === 'string') text = snapshot.text
  }
  return text
}

async function knownFacts(readModel: ReadModelStore): Promise<KnownFact[]> {
  const facts: KnownFact[] = []
  let after: string | undefined
  do {
    const page = await readModel.listFactViews({ limit: 200, ...(after !== undefined ? { after } : {}) })
    for (const view of page.items) {
      const doc = await readModel.getFact(view.factId)
      if (doc) facts.push({ factId: doc.factId, question: doc.question, subject: doc.subject, unit: doc.unit, kind: doc.kind })
    }
    after = page.next ?? undefined
  } while (after !== undefined && facts.length < MAX_KNOWN_FACTS)
  return facts.slice(0, MAX_KNOWN_FACTS)
}
