import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { toSignedHead } from '../../ledger/tamper/head-signer.js'
import { SignedHead } from '../../ledger/tamper/signed-head.js'
import type { HttpDeps } from '../deps.js'
import { problemResponses } from '../schemas/route-docs.js'

const PublicKey = z.object({
  keyId: z.string().describe('SHA-256 of the DER public key, hex: the keyId in every signed head'),
  algorithm: z.literal('Ed25519'),
  publicKey: z.string().describe('SPKI PEM'),
})

const IntegrityResponse = z.object({
  status: z.enum(['verifying', 'verified', 'tampered']),
  detail: z.string().optional().describe('what failed, naming the first bad event when there is one'),
  firstBad: z.object({ position: z.string(), eventId: z.string(), stream: z.string(), revision: z.string(), problem: z.string() }).passthrough().nullable().optional(),
  size: z.number().int().optional(),
  rootHash: z.string().optional(),
  verifiedAt: z.string().optional(),
  checkedAtStart: z.number().int().optional().describe('events after the last verified head, checked before the server listened'),
})

const HeadPage = z.object({
  items: z.array(SignedHead),
  next: z.string().nullable().describe('tree size to pass as `after` for the next page; null on the last page'),
})

/** GET /ledger/key, /ledger/key.pem, /ledger/head, /ledger/heads, /ledger/integrity: the ledger's public key and its signed tree heads. */
export function ledgerHeadRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const { signer, heads } = deps
  return async (app) => {
    app.get(
      '/ledger/key',
      { config: { access: 'read' }, schema: { tags: ['ledger'], summary: 'The public key tree heads are signed with', response: { 200: PublicKey, ...problemResponses } } },
      async () => ({ keyId: signer.keyId, algorithm: 'Ed25519' as const, publicKey: signer.publicKeyPem }),
    )

    app.get(
      '/ledger/key.pem',
      { config: { access: 'read' }, schema: { tags: ['ledger'], summary: 'The public key as a PEM file (for verify-export --key)', response: { 200: z.string(), ...problemResponses } } },
      async (_request, reply) => reply.type('application/x-pem-file').send(signer.publicKeyPem),
    )

    app.get(
      '/ledger/head',
      {
        config: { access: 'read' },
        schema: {
          tags: ['ledger'],
          summary: 'The signed Merkle tree head over the whole log',
          description: 'Save it: a later head must be consistent with it (GET /ledger/consistency), and an export must reproduce its root (factledger verify-export).',
          response: { 200: SignedHead, ...problemResponses },
        },
      },
      async () => heads.current(),
    )

    app.get(
      '/ledger/integrity',
      {
        config: { access: 'public', rateLimit: false },
        schema: {
          tags: ['ledger'],
          summary: 'Whether the log verifies: verifying, verified, or tampered (with the first bad event)',
          description: 'Checked at start-up from the last verified head, then over the whole log against every signed head, in the background. The web page shows a banner when tampered.',
          response: { 200: IntegrityResponse },
        },
      },
      async () => JSON.parse(JSON.stringify(deps.integrity.state(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as z.infer<typeof IntegrityResponse>,
    )

    app.get(
      '/ledger/heads',
      {
        config: { access: 'read' },
        schema: {
          tags: ['ledger'],
          summary: 'Every signed tree head, smallest tree first, paged',
          querystring: z
            .object({
              after: z.string().regex(/^\d{1,15}$/, 'must be a tree size').transform(Number).optional(),
              limit: z.string().regex(/^\d{1,4}$/, 'must be 1..1000').transform(Number).pipe(z.number().int().min(1).max(1000)).optional(),
            })
            .strict(),
          response: { 200: HeadPage, ...problemResponses },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 100
        const rows = await deps.runtime.treeStore.listHeads(request.query.after ?? -1, limit + 1)
        const items = rows.slice(0, limit).map(toSignedHead)
        return { items, next: rows.length > limit ? String(items.at(-1)!.size) : null }
      },
    )
  }
}
