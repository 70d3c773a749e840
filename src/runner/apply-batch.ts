import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'
import type { DecodedEvent } from '../../projections/decoded-event.js'
import { evolveClaim, isClaimEvent } from '../../projections/evolve-claim.js'
import { evolveFact } from '../../projections/evolve-fact.js'
import { evolveSource } from '../../projections/evolve-source.js'
import { reconcileFact } from '../../projections/facts/reconcile.js'
import type { FactView, Policy, SourceDoc } from '../../projections/model.js'
import { evolvePolicy } from '../../projections/policy.js'
import { projectionVersion } from '../../projections/version.js'
import type { FactEvent, ProjectionBatch, ReadModelStore } from '../read-model/port.js'
import { type BatchState, createBatchState } from './batch-state.js'
import type { DocCache } from './doc-cache.js'
import { createFactSnapshots } from './fact-snapshots.js'

export type { FactSnapshotOptions } from './fact-snapshots.js'

/**
 * Fold a batch of events into documents and fact views. Every event that can
 * change a fact's view (its own events, its claims', its sources', a new
 * policy) becomes a row of the fact's event index; the view itself is
 * reconciled once per batch, after the fact's last event in it. A view at a
 * position between two computed ones is reconciled on demand from the
 * fact's events (src/read/fact-at.ts), so as-of answers are exact whatever
 * the batch size, and a large catch-up batch reconciles a busy fact once.
 * A rebuild computes no views here at all: it reconciles each fact once when
 * the whole log is folded (rebuild-views.ts), since every view a batch
 * computed would be replaced by a later one before anyone could read it.
 */
export async function applyBatch(
  readModel: ReadModelStore,
  policy: Policy,
  events: readonly RecordedEvent[],
  cache?: DocCache,
  rebuilding = false,
  factSnapshotEvery?: number,
): Promise<{ batch: ProjectionBatch; state: BatchState }> {
  const state = createBatchState(readModel, policy, cache, { claimsByFact: !rebuilding })
  const snapshots = createFactSnapshots(readModel, state, factSnapshotEvery)
  const views: FactView[] = []
  const factEvents: FactEvent[] = []
  /** Each fact's last index row of the batch: its view is computed there. */
  const lastOfFact = new Map<string, FactEvent>()
  const policyHistory: Array<{ position: bigint; policy: Policy }> = []

  const decoded = events.map(decodeRecorded)
  await state.prefetch(namedDocs(decoded))
  for (const event of decoded) {
    const recorded = event.recorded
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
      case 'PolicyAdopted': {
        state.policy = evolvePolicy(state.policy, event)
        policyHistory.push({ position: recorded.position, policy: state.policy })
        affected = await allFactIds(readModel, state)
        break
      }
      default: {
        // The claim events: one list, claimEventTypes beside evolveClaim.
        if (!isClaimEvent(event)) break
        const before = await state.claim(event.data.claimId)
        const after = evolveClaim(before, event)
        await state.putClaim(before, after)
        affected = new Set([after.factId, ...(before ? [before.factId] : [])])
        break
      }
    }
    for (const factId of affected) {
      const row = { factId, position: recorded.position, viewed: false }
      factEvents.push(row)
      lastOfFact.delete(factId)
      lastOfFact.set(factId, row)
      await snapshots.indexed(factId, recorded.position)
    }
  }
  const last = events.at(-1)
  if (!last) throw new Error('applyBatch needs at least one event')
  // In order of each fact's last event, so the views come in position order.
  for (const row of rebuilding ? [] : lastOfFact.values()) {
    const view = await viewOf(state, row.factId, row.position)
    if (!view) continue
    views.push(view)
    row.viewed = true
  }
  const batch: ProjectionBatch = {
    ...state.changedDocs(),
    views,
    factEvents,
    factSnapshots: snapshots.taken(),
    ...(policyHistory.length > 0 ? { policy: state.policy, policyHistory } : {}),
    checkpoint: { position: last.position, version: projectionVersion, ...(rebuilding ? { rebuilding } : {}) },
  }
  return { batch, state }
}

/** The facts and claims a batch's events name directly (claims moved or cited elsewhere are loaded when needed). */
function namedDocs(events: readonly DecodedEvent[]): { facts: string[]; claims: string[] } {
  const facts: string[] = []
  const claims: string[] = []
  for (const event of events) {
    if (event.type === 'FactDefined' || event.type === 'FactPinned' || event.type === 'FactUnpinned') facts.push(event.data.factId)
    else if (isClaimEvent(event)) claims.push(event.data.claimId)
  }
  return { facts, claims }
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
  // As the read model's answer, the facts a claim was filed under before count too: a fact's snapshot keeps a
  // source it once cited, and folds the source's later events from the fact's index (src/read/fact-fold.ts).
  for (const claim of state.changedDocs().claims) if (claim.sourceId === sourceId) for (const id of [claim.factId, ...claim.reassignedFrom]) ids.add(id)
  return [...ids].sort()
}

async function allFactIds(readModel: ReadModelStore, state: BatchState): Promise<string[]> {
  // Facts, not views: during a rebuild no view is stored until the end, and every defined fact needs the index row.
  const ids = new Set<string>(state.changed.facts)
  let after: string | undefined
  for (;;) {
    const page = await readModel.listFactIds({ limit: 500, ...(after ? { after } : {}) })
    for (const id of page.items) ids.add(id)
    if (!page.next) break
    after = page.next
  }
  return [...ids].sort()
}
