import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'
import { evolveClaim } from '../../projections/evolve-claim.js'
import { evolveFact } from '../../projections/evolve-fact.js'
import { evolveSource } from '../../projections/evolve-source.js'
import { reconcileFact } from '../../projections/facts/reconcile.js'
import type { FactView, Policy, SourceDoc } from '../../projections/model.js'
import { evolvePolicy } from '../../projections/policy.js'
import { projectionVersion } from '../../projections/version.js'
import type { ProjectionBatch, ReadModelStore } from '../store/read-model-port.js'
import { type BatchState, createBatchState } from './batch-state.js'
import type { DocCache } from './doc-cache.js'

/**
 * Fold a batch of events into documents and fact views. A fact's view is
 * recomputed after every event that can change it (its own events, its
 * claims', its sources', a new policy), so the view history has one entry per
 * position where the view changed, whatever the batch size.
 */
export async function applyBatch(
  readModel: ReadModelStore,
  policy: Policy,
  events: readonly RecordedEvent[],
  cache?: DocCache,
): Promise<{ batch: ProjectionBatch; state: BatchState }> {
  const state = createBatchState(readModel, policy, cache)
  const views: FactView[] = []
  let policyChanged = false

  for (const recorded of events) {
    const event = decodeRecorded(recorded)
    let affected: Iterable<string> = []
    switch (event.type) {
      case 'SourceRegistered':
      case 'SourceRevised':
      case 'SourceRetracted': {
        const id = event.data.sourceId
        state.putSource(evolveSource(await state.source(id), event))
        affected = event.type === 'SourceRegistered' ? [] : await factsCitingSource(readModel, state, id)
        break
      }
      case 'FactDefined':
      case 'FactPinned':
      case 'FactUnpinned': {
        const id = event.data.factId
        state.putFact(evolveFact(await state.fact(id), event))
        affected = [id]
        break
      }
      case 'ClaimRecorded':
      case 'ClaimCorrected':
      case 'ClaimRetracted':
      case 'ClaimDisputed':
      case 'ClaimDisputeResolved':
      case 'ClaimReassigned': {
        const before = await state.claim(event.data.claimId)
        const after = evolveClaim(before, event)
        await state.putClaim(before, after)
        affected = new Set([after.factId, ...(before ? [before.factId] : [])])
        break
      }
      case 'PolicyAdopted': {
        state.policy = evolvePolicy(state.policy, event)
        policyChanged = true
        affected = await allFactIds(readModel, state)
        break
      }
    }
    for (const factId of affected) {
      const view = await viewOf(state, factId, recorded.position)
      if (view) views.push(view)
    }
  }
  const last = events.at(-1)
  if (!last) throw new Error('applyBatch needs at least one event')
  const batch = {
    ...state.changedDocs(),
    views,
    ...(policyChanged ? { policy: state.policy } : {}),
    checkpoint: { position: last.position, version: projectionVersion },
  }
  return { batch, state }
}

async function viewOf(state: BatchState, factId: string, position: bigint): Promise<FactView | null> {
  const fact = await state.fact(factId)
  if (!fact) return null
  const claims = [...(await state.claimsOf(factId)).values()]
  const sources = new Map<string, SourceDoc>()
  for (const c of claims) {
    if (!sources.has(c.sourceId)) {
      const s = await state.source(c.sourceId)
      if (s) sources.set(c.sourceId, s)
    }
  }
  return reconcileFact({ fact, claims, sources, policy: state.policy, position })
}

async function factsCitingSource(readModel: ReadModelStore, state: BatchState, sourceId: string): Promise<string[]> {
  const ids = new Set(await readModel.getFactIdsOfSource(sourceId))
  for (const claim of state.changedDocs().claims) if (claim.sourceId === sourceId) ids.add(claim.factId)
  return [...ids].sort()
}

async function allFactIds(readModel: ReadModelStore, state: BatchState): Promise<string[]> {
  const ids = new Set<string>(state.changed.facts)
  let after: string | undefined
  for (;;) {
    const page = await readModel.listFactViews({ limit: 500, ...(after ? { after } : {}) })
    for (const v of page.items) ids.add(v.factId)
    if (!page.next) break
    after = page.next
  }
  return [...ids].sort()
}
