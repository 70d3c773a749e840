import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { buildFactReceipt } from '../../read/receipt/build-receipt.js'
import { FactReceipt } from '../../read/receipt/receipt.js'
import type { HttpDeps } from '../deps.js'
import { problem, sendProblem } from '../problem.js'
import { IdParams } from '../schemas/query.js'
import { problemResponses } from '../schemas/route-docs.js'

/** GET /facts/:id/receipt: the view, a signed head, and every event it rests on with its inclusion proof. */
export function factReceiptRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { store, readModel, tree } = deps.runtime
  return async (app) => {
    app.get(
      '/facts/:id/receipt',
      {
        // Proofs for every event of the fact: rate limited more tightly than plain reads.
        config: { access: 'read', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['facts', 'ledger'],
          summary: "A fact's receipt, checkable offline",
          description: 'Check it with `factledger verify-receipt receipt.json --key pub.pem` (the key from /ledger/key.pem): the head signature, every event hash, chain and inclusion proof, and the view recomputed with the policy.',
          params: IdParams,
          response: { 200: FactReceipt, ...problemResponses },
        },
      },
      async (request, reply) => {
        const head = await deps.heads.current()
        const receipt = await buildFactReceipt({ store, readModel, tree }, request.params.id, head)
        if (!receipt) return sendProblem(reply, problem(404, 'NotFound', `no fact ${request.params.id}`))
        reply.header('content-disposition', `attachment; filename="receipt-${request.params.id}.json"`)
        return receipt
      },
    )
  }
}
