import type { MerkleTreeStore } from '../../src/store/merkle-tree-port.js'
import { createMemoryMerkleTreeStore } from './memory-merkle-tree-store.js'
import type { ClaimDoc, FactDoc, FactView, Policy, SourceDoc } from '../../projections/model.js'
import type { Checkpoint, FactEvent, FactListQuery, Page, ProjectionBatch, ReadModelStore } from '../../src/read-model/port.js'
import { createMemoryEventStore, type MemoryEventStore } from './memory-store.js'

/**
 * Test-only: the read-model port in memory, for tests of code above it (the
 * HTTP API) that should not depend on a database adapter. Documents are kept
 * as JSON copies, so a caller that mutates a returned document does not
 * change the store, as with a real database.
 */
export function createMemoryReadModel(): ReadModelStore {
  const sources = new Map<string, SourceDoc>()
  const facts = new Map<string, FactDoc>()
  const claims = new Map<string, ClaimDoc>()
  const views = new Map<string, FactView>()
  const history = new Map<string, FactView[]>()
  const factEvents = new Map<string, FactEvent[]>()
  const policies: Array<{ position: bigint; policy: Policy }> = []
  let checkpoint: Checkpoint | null = null
  let policy: Policy | null = null

  const copy = <T>(value: T): T => structuredClone(value)
  const sameView = (a: FactView, b: FactView) => JSON.stringify({ ...a, asOf: null }) === JSON.stringify({ ...b, asOf: null })

  function page<T>(items: T[], idOf: (item: T) => string, after: string | undefined, limit: number): Page<T> {
    const sorted = items.sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0))
    const rest = after === undefined ? sorted : sorted.filter((item) => idOf(item) > after)
    const taken = rest.slice(0, limit)
    return { items: taken.map(copy), next: rest.length > limit ? idOf(taken.at(-1)!) : null }
  }

  return {
    getCheckpoint: async () => copy(checkpoint),
    getPolicy: async () => copy(policy),
    getSource: async (id) => copy(sources.get(id) ?? null),
    getFact: async (id) => copy(facts.get(id) ?? null),
    getClaim: async (id) => copy(claims.get(id) ?? null),
    getClaimsOfFact: async (factId) => [...claims.values()].filter((c) => c.factId === factId).map(copy),
    getFactIdsOfSource: async (sourceId) => {
      const ids = new Set<string>()
      for (const c of claims.values()) if (c.sourceId === sourceId) for (const f of [c.factId, ...c.reassignedFrom]) ids.add(f)
      return [...ids]
    },
    getFactView: async (id) => copy(views.get(id) ?? null),
    getFactViewAt: async (id, position) => copy((history.get(id) ?? []).filter((v) => BigInt(v.asOf.position) <= position).at(-1) ?? null),
    getFactViewHistory: async (id) => copy(history.get(id) ?? []),
    getFactEvents: async (factId, upTo) => copy((factEvents.get(factId) ?? []).filter((e) => e.position <= upTo)),
    getLastFactEvent: async (factId, upTo) => copy((factEvents.get(factId) ?? []).filter((e) => e.position <= upTo).at(-1) ?? null),
    getPolicyAt: async (position) => copy(policies.filter((p) => p.position <= position).at(-1)?.policy ?? null),
    listFactViews: async (query: FactListQuery) => {
      const q = query.q?.toLowerCase()
      const matching = [...views.values()].filter((v) => {
        if (query.status !== undefined && v.status !== query.status) return false
        if (q === undefined) return true
        const subject = facts.get(v.factId)?.subject ?? ''
        return `${v.factId}\n${v.question}\n${subject}`.toLowerCase().includes(q)
      })
      return page(matching, (v) => v.factId, query.after, query.limit)
    },
    listSources: async (query) => page([...sources.values()], (s) => s.sourceId, query.after, query.limit),
    async commit(batch: ProjectionBatch) {
      for (const s of batch.sources) sources.set(s.sourceId, copy(s))
      for (const f of batch.facts) facts.set(f.factId, copy(f))
      for (const c of batch.claims) claims.set(c.claimId, copy(c))
      for (const v of batch.views) {
        const rows = history.get(v.factId) ?? []
        const last = rows.at(-1)
        if (!last || !sameView(last, v)) rows.push(copy(v))
        history.set(v.factId, rows)
        views.set(v.factId, copy(v))
      }
      for (const e of batch.factEvents ?? []) {
        const rows = (factEvents.get(e.factId) ?? []).filter((r) => r.position !== e.position)
        rows.push(copy(e))
        factEvents.set(e.factId, rows.sort((a, b) => (a.position < b.position ? -1 : 1)))
      }
      for (const p of batch.policyHistory ?? []) policies.push(copy(p))
      if (batch.policy) policy = copy(batch.policy)
      checkpoint = copy(batch.checkpoint)
    },
    async reset() {
      for (const m of [sources, facts, claims, views, history, factEvents]) m.clear()
      policies.length = 0
      checkpoint = null
      policy = null
    },
  }
}

/** An in-memory Backend (event store + read model) for tests above the ports. */
export function createMemoryBackend(): { store: MemoryEventStore; readModel: ReadModelStore; treeStore: MerkleTreeStore; close(): Promise<void> } {
  const store = createMemoryEventStore()
  const readModel = createMemoryReadModel()
  return { store, readModel, treeStore: createMemoryMerkleTreeStore(), close: () => store.close() }
}
