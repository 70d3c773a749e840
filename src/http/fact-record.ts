import type { ClaimDoc, FactDoc, FactView, SourceDoc } from '../../projections/model.js'
import type { FactQueries } from '../read/fact-queries.js'
import type { ReadModelStore } from '../read-model/port.js'

/** Everything the read model knows about one fact: the material of its history and its exports. */
export interface FactRecord {
  fact: FactDoc
  /** The current view (null before the runner first projected the fact). */
  view: FactView | null
  /** Every change of the view, oldest first. */
  views: FactView[]
  /** Claims filed under the fact now, and those that were and have since been reassigned away. */
  claims: ClaimDoc[]
  /** The sources of those claims. */
  sources: SourceDoc[]
}

export async function loadFactRecord(
  deps: { readModel: ReadModelStore; facts: Pick<FactQueries, 'getFactViewHistory'> },
  factId: string,
): Promise<FactRecord | null> {
  const { readModel } = deps
  const fact = await readModel.getFact(factId)
  if (!fact) return null
  const [view, views, current] = await Promise.all([
    readModel.getFactView(factId),
    deps.facts.getFactViewHistory(factId),
    readModel.getClaimsOfFact(factId),
  ])
  const claims = new Map(current.map((c) => [c.claimId, c]))
  // A claim reassigned away is no longer filed here, but the views from when it was still name it.
  const named = views.flatMap((v) => [...v.supporting, ...v.superseded, ...v.conflicting, ...v.excluded.map((e) => e.claimId)])
  for (const id of new Set(named)) {
    if (claims.has(id)) continue
    const claim = await readModel.getClaim(id)
    if (claim) claims.set(id, claim)
  }
  const ordered = [...claims.values()].sort((a, b) => Number(BigInt(a.lifecycle[0]!.stamp.position) - BigInt(b.lifecycle[0]!.stamp.position)))
  const sources: SourceDoc[] = []
  for (const sourceId of new Set(ordered.map((c) => c.sourceId))) {
    const source = await readModel.getSource(sourceId)
    if (source) sources.push(source)
  }
  return { fact, view, views, claims: ordered, sources }
}
