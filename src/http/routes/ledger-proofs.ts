import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { ProofError } from '../../ledger/tamper/proof-errors.js'
import { verifyLedger } from '../../ledger/tamper/verify-ledger.js'
import type { HttpDeps } from '../deps.js'
import { problem, sendProblem } from '../problem.js'
import { ConsistencyProofResponse, InclusionProofResponse, TreeSize, VerificationResponse } from '../schemas/ledger.js'
import { PositionText } from '../schemas/query.js'
import { problemResponses } from '../schemas/route-docs.js'

/** Bigints in results become decimal strings (the API's rule for positions and revisions). */
const jsonSafe = <T>(value: T): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))

function proofProblem(error: ProofError) {
  switch (error.code) {
    case 'PositionNotFound':
      return problem(404, 'NotFound', `no event at position ${error.position}`)
    case 'TreeSizeOutOfRange':
      return problem(400, 'ValidationFailed', `tree size ${error.treeSize} is not a size of this log (it holds ${error.size} events, and the leaf must be inside the tree)`, {
        errors: [{ path: 'treeSize', location: 'query', message: `must be between the leaf's index + 1 and ${error.size}` }],
      })
    case 'InvalidTreeSizes':
      return problem(400, 'ValidationFailed', `need 0 <= from <= to, got from=${error.fromSize} to=${error.toSize}`, {
        errors: [{ path: 'from', location: 'query', message: 'must not exceed `to`' }],
      })
  }
}

/** GET /ledger/proof/:position, /ledger/consistency, /ledger/verify: tamper evidence for auditors. */
export function ledgerRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { store, tree } = deps.runtime
  return async (app) => {
    app.get(
      '/ledger/proof/:position',
      {
        config: { access: 'read' },
        schema: {
          tags: ['ledger'],
          summary: 'Inclusion proof for the event at a position',
          description: 'Check it with RFC 6962 verification against a tree head you hold; `treeSize` proves against an earlier head.',
          params: z.object({ position: PositionText }),
          querystring: z.object({ treeSize: TreeSize.optional() }).strict(),
          response: { 200: InclusionProofResponse, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { treeSize } = request.query
        const result = await tree.inclusion(request.params.position, treeSize !== undefined ? { treeSize } : {})
        if (!result.ok) return sendProblem(reply, proofProblem(result.error))
        const { ok: _ok, ...proof } = result
        return jsonSafe(proof) as z.infer<typeof InclusionProofResponse>
      },
    )

    app.get(
      '/ledger/consistency',
      {
        config: { access: 'read' },
        schema: {
          tags: ['ledger'],
          summary: 'Consistency proof between two tree sizes',
          description: 'Shows the log of `to` events extends the log of `from` events unchanged.',
          querystring: z.object({ from: TreeSize, to: TreeSize.optional() }).strict(),
          response: { 200: ConsistencyProofResponse, ...problemResponses },
        },
      },
      async (request, reply) => {
        const to = request.query.to ?? (await tree.catchUp()).size
        const result = await tree.consistency(request.query.from, to)
        if (!result.ok) return sendProblem(reply, proofProblem(result.error))
        const { ok: _ok, ...proof } = result
        return proof
      },
    )

    app.get(
      '/ledger/verify',
      {
        // One pass over the whole log: rate limited more tightly than cheap reads.
        config: { access: 'read', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['ledger'],
          summary: 'Recompute every hash chain and the Merkle head',
          description: 'Names the first bad event when the log was tampered with.',
          response: { 200: VerificationResponse, ...problemResponses },
        },
      },
      async () => jsonSafe(await verifyLedger(store)) as z.infer<typeof VerificationResponse>,
    )
  }
}
