import { streamOf } from '../../../events/ids.js'
import { evolveClaim } from '../../../projections/evolve-claim.js'
import { evolveFact } from '../../../projections/evolve-fact.js'
import { evolveSource } from '../../../projections/evolve-source.js'
import type { ClaimDoc, FactDoc, SourceDoc } from '../../../projections/model.js'
import type { Entity, ReadEntity } from '../entity.js'

/** A claim with the source it cites and the fact it is filed under (both null while the claim does not exist). */
export interface ClaimInContext {
  claim: Entity<ClaimDoc>
  source: Entity<SourceDoc> | null
  fact: Entity<FactDoc> | null
}

export const claimTarget = (c: { claimId: string }) => ({ stream: streamOf.claim(c.claimId), entityId: c.claimId })

export async function readClaim(read: ReadEntity, c: { claimId: string }): Promise<{ claim: Entity<ClaimDoc> }> {
  return { claim: await read(streamOf.claim(c.claimId), evolveClaim) }
}

export async function readClaimInContext(read: ReadEntity, c: { claimId: string }): Promise<ClaimInContext> {
  const { claim } = await readClaim(read, c)
  if (!claim.doc) return { claim, source: null, fact: null }
  const [source, fact] = await Promise.all([read(streamOf.source(claim.doc.sourceId), evolveSource), read(streamOf.fact(claim.doc.factId), evolveFact)])
  return { claim, source, fact }
}
