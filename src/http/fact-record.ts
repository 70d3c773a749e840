import type { ClaimDoc, FactDoc, FactView, SourceDoc } from '../../projections/model.js'
import type { ReadModelStore } from '../read-model/port.js'
import type { EventStore } from '../store/port.js'
import { readPositions } from '../store/read-positions.js'

const END = 9_223_372_036_854_775_807n

/** Everything the read model knows about one fact now: the material of its claim list, timeline and exports. */
export interface FactRecord {
  fact: FactDoc
  /** The current view (null before the runner first projected the fact). */
  view: FactView | null
  /** Claims filed under the fact now, and those that were and have since been reassigned away, oldest first. */
  claims: ClaimDoc[]
  /** The sources of those claims. */
  sources: SourceDoc[]
}

type Deps = { readModel: ReadModelStore; store: EventStore }

/**
 * The fact's documents. Linear in the fact's claims: the view history is not
 * read (a fact with thousands of versions would make that quadratic); claims
 * moved away are found from the fact's own ClaimReassigned events instead.
 */
export async function loadFactRecord(deps: Deps, factId: string): Promise<FactRecord | null> {
  const { readModel } = deps
  const fact = await readModel.getFact(factId)
  if (!fact) return null
  const [view, claims] = await Promise.all([readModel.getFactView(factId), claimsOfFactEver(deps, factId)])
  const ordered = claims.sort((a, b) => Number(BigInt(a.lifecycle[0]!.stamp.position) - BigInt(b.lifecycle[0]!.stamp.position)))
  return { fact, view, claims: ordered, sources: await sourcesOf(readModel, ordered) }
}

/** Claims filed under the fact now and those reassigned away from it since, by claim id. */
export async function claimsOfFactEver(deps: Deps, factId: string): Promise<ClaimDoc[]> {
  const { readModel, store } = deps
  const claims = new Map((await readModel.getClaimsOfFact(factId)).map((c) => [c.claimId, c]))
  const index = await readModel.getFactEvents(factId, END)
  for (const event of await readPositions(store, index.map((e) => e.position))) {
    if (event.type !== 'ClaimReassigned') continue
    const { claimId, fromFactId } = event.data as { claimId: string; fromFactId: string }
    if (fromFactId !== factId || claims.has(claimId)) continue
    const claim = await readModel.getClaim(claimId)
    if (claim) claims.set(claimId, claim)
  }
  return [...claims.values()].sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0))
}

export async function sourcesOf(readModel: ReadModelStore, claims: readonly ClaimDoc[]): Promise<SourceDoc[]> {
  const sources: SourceDoc[] = []
  for (const sourceId of new Set(claims.map((c) => c.sourceId))) {
    const source = await readModel.getSource(sourceId)
    if (source) sources.push(source)
  }
  return sources
}
