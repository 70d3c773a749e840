import type { FastifyPluginAsync } from 'fastify'
import {
  AdoptPolicyInput,
  CorrectClaimInput,
  DefineFactInput,
  DisputeClaimInput,
  PinFactInput,
  ReassignClaimInput,
  RecordClaimInput,
  RegisterSourceInput,
  ResolveDisputeInput,
  RetractClaimInput,
  RetractSourceInput,
  ReviseSourceInput,
  UnpinFactInput,
} from '../../ledger/inputs.js'
import type { HttpDeps } from '../deps.js'
import { writeRoute } from './write-route.js'

const at = (collection: string) => (id: string) => `/${collection}/${encodeURIComponent(id)}`

/** Every editor command, and the admin's policy change, as a POST (or DELETE for an unpin). */
export function writeRoutes(deps: HttpDeps): FastifyPluginAsync {
  const { ledger } = deps.runtime
  return async (app) => {
    const route = (spec: Parameters<typeof writeRoute>[2]) => writeRoute(app, deps, spec)

    route({ method: 'POST', url: '/sources', tag: 'sources', summary: 'Register a source', body: RegisterSourceInput, bodyLimit: deps.sourceBodyLimit, location: at('sources'), run: (ctx, _id, body) => ledger.registerSource(ctx, body) })
    route({ method: 'POST', url: '/sources/:id/revisions', tag: 'sources', summary: 'Record that the publisher revised the article', body: ReviseSourceInput, bodyLimit: deps.sourceBodyLimit, pathField: 'sourceId', run: (ctx, id, body) => ledger.reviseSource(ctx, id, body) })
    route({ method: 'POST', url: '/sources/:id/retractions', tag: 'sources', summary: 'Record that the publisher retracted the article', body: RetractSourceInput, pathField: 'sourceId', run: (ctx, id, body) => ledger.retractSource(ctx, id, body) })

    route({ method: 'POST', url: '/facts', tag: 'facts', summary: 'Define a fact (the question a figure answers)', body: DefineFactInput, location: at('facts'), run: (ctx, _id, body) => ledger.defineFact(ctx, body) })
    route({ method: 'POST', url: '/facts/:id/pins', tag: 'facts', summary: 'Pin the claim editors prefer for this fact', description: 'Send the fact ETag as If-Match.', body: PinFactInput, pathField: 'factId', run: (ctx, id, body) => ledger.pinFact(ctx, id, body) })
    route({ method: 'DELETE', url: '/facts/:id/pins', tag: 'facts', summary: "Remove the fact's pin", description: 'Send the fact ETag as If-Match; the body carries the reason.', body: UnpinFactInput, pathField: 'factId', run: (ctx, id, body) => ledger.unpinFact(ctx, id, body) })

    route({ method: 'POST', url: '/claims', tag: 'claims', summary: 'Record a claim a source made, with its citation', body: RecordClaimInput, location: at('claims'), run: (ctx, _id, body) => ledger.recordClaim(ctx, body) })
    const lifecycle = 'Send the claim ETag as If-Match. Nothing is overwritten: the old values stay in the claim history.'
    route({ method: 'POST', url: '/claims/:id/corrections', tag: 'claims', summary: 'Correct our transcription of a claim', description: lifecycle, body: CorrectClaimInput, pathField: 'claimId', run: (ctx, id, body) => ledger.correctClaim(ctx, id, body) })
    route({ method: 'POST', url: '/claims/:id/retractions', tag: 'claims', summary: 'Record that the source withdrew the claim', description: lifecycle, body: RetractClaimInput, pathField: 'claimId', run: (ctx, id, body) => ledger.retractClaim(ctx, id, body) })
    route({ method: 'POST', url: '/claims/:id/disputes', tag: 'claims', summary: 'Flag a claim as disputed', description: lifecycle, body: DisputeClaimInput, pathField: 'claimId', run: (ctx, id, body) => ledger.disputeClaim(ctx, id, body) })
    route({ method: 'POST', url: '/claims/:id/dispute-resolutions', tag: 'claims', summary: 'Resolve a dispute: upheld (the claim leaves reconciliation) or dismissed (it counts again)', description: `${lifecycle} Name the dispute by its disputeId from GET /claims/:id.`, body: ResolveDisputeInput, pathField: 'claimId', run: (ctx, id, body) => ledger.resolveDispute(ctx, id, body) })
    route({ method: 'POST', url: '/claims/:id/reassignments', tag: 'claims', summary: 'File the claim under another fact', description: lifecycle, body: ReassignClaimInput, pathField: 'claimId', run: (ctx, id, body) => ledger.reassignClaim(ctx, id, body) })

    route({ method: 'POST', url: '/policy', tag: 'policy', summary: 'Adopt a new reconciliation policy version (admin)', body: AdoptPolicyInput, access: 'admin', run: (ctx, _id, body) => ledger.adoptPolicy(ctx, body) })
  }
}
