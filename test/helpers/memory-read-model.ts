import type { MerkleTreeStore } from '../../src/store/merkle-tree-port.js'
import { createMemoryMerkleTreeStore } from './memory-merkle-tree-store.js'
import type { ClaimDoc, FactDoc, FactView, Policy, SourceDoc } from '../../projections/model.js'
import { assertLimit, decodeCursor, toPage } from '../../src/read-model/page-cursor.js'
import type { Checkpoint, FactEvent, FactListQuery, FactSnapshot, Page, ProjectionBatch, ReadModelStore } from '../../src/read-model/port.js'
import { changedViews, viewSearchText } from '../../src/read-model/view-change.js'
import { createMemoryEventStore, type MemoryEventStore } from './memory-store.js'

/**
 * Test-only: the read-model port in memory, for tests of code above it (the
 * HTTP API) that should not depend on a database adapter. It passes the
 * read-model conformance suite (test/read-model/memory-read-model.test.ts) and
 * shares the adapters' own rules rather than restating them: which views
 * become history rows (changedViews), what `q` searches (viewSearchText), page
 * cursors and limits (page-cursor). Documents are kept as copies, so a caller
 * that mutates a returned document does not change the store, as with a real
 * database.
 */
export function createMemoryReadModel(): ReadModelStore {
  let sources = new Map<string, SourceDoc>()
  let facts = new Map<string, FactDoc>()
  let claims = new Map<string, ClaimDoc>()
  let views = new Map<string, FactView>()
  let history = new Map<string, FactView[]>()
  let factEvents = new Map<string, FactEvent[]>()
  let snapshots = new Map<string, FactSnapshot[]>()
  const policies: Array<{ position: bigint; policy: Policy }> = []
  let checkpoint: Checkpoint | null = null
  let policy: Policy | null = null

  const copy = <T>(value: T): T => structuredClone(value)
  /** Keys in the order the databases sort text: by UTF-8 bytes. */
  const byKey = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))

  function page<T>(items: T[], idOf: (item: T) => string, after: string | undefined, limit: number): Page<T> {
    assertLimit(limit)
    const from = decodeCursor(after)
    const rest = items.filter((item) => byKey(idOf(item), from) > 0).sort((a, b) => byKey(idOf(a), idOf(b)))
    return toPage(rest.slice(0, limit + 1), limit, copy, idOf)
  }

  return {
    getCheckpoint: async () => copy(checkpoint),
    getPolicy: async () => copy(policy),
    getSource: async (id) => copy(sources.get(id) ?? null),
    getFact: async (id) => copy(facts.get(id) ?? null),
    getClaim: async (id) => copy(claims.get(id) ?? null),
    getFacts: async (ids) => [...new Set(ids)].flatMap((id) => (facts.has(id) ? [copy(facts.get(id)!)] : [])),
    getClaims: async (ids) => [...new Set(ids)].flatMap((id) => (claims.has(id) ? [copy(claims.get(id)!)] : [])),
    getClaimsOfFact: async (factId) =>
      [...claims.values()]
        .filter((c) => c.factId === factId)
        .sort((a, b) => byKey(a.claimId, b.claimId))
        .map(copy),
    getFactIdsOfSource: async (sourceId) => {
      const ids = new Set<string>()
      for (const c of claims.values()) if (c.sourceId === sourceId) for (const f of [c.factId, ...c.reassignedFrom]) ids.add(f)
      return [...ids].sort()
    },
    getFactView: async (id) => copy(views.get(id) ?? null),
    getFactViewAt: async (id, position) => copy((history.get(id) ?? []).filter((v) => BigInt(v.asOf.position) <= position).at(-1) ?? null),
    getFactViewHistory: async (id, page) =>
      copy((history.get(id) ?? []).filter((v) => !page || BigInt(v.asOf.position) > page.after).slice(0, page ? page.limit : undefined)),
    getFactEvents: async (factId, upTo, after = -1n) => copy((factEvents.get(factId) ?? []).filter((e) => e.position > after && e.position <= upTo)),
    getFactSnapshotAt: async (factId, upTo) => copy((snapshots.get(factId) ?? []).filter((s) => s.position <= upTo).at(-1) ?? null),
    getFactSnapshotPosition: async (factId, upTo) => (snapshots.get(factId) ?? []).filter((s) => s.position <= upTo).at(-1)?.position ?? null,
    countFactEventsSinceSnapshot: async (factId) => {
      const last = (snapshots.get(factId) ?? []).at(-1)?.position ?? -1n
      return (factEvents.get(factId) ?? []).filter((e) => e.position > last).length
    },
    getLastFactEvent: async (factId, upTo) => copy((factEvents.get(factId) ?? []).filter((e) => e.position <= upTo).at(-1) ?? null),
    getPolicyAt: async (position) => copy(policies.filter((p) => p.position <= position).at(-1)?.policy ?? null),
    listFactViews: async (query: FactListQuery) => {
      const q = query.q ? query.q.toLowerCase() : undefined
      const matching = [...views.values()].filter((v) => {
        if (query.status !== undefined && v.status !== query.status) return false
        return q === undefined || viewSearchText(v, facts.get(v.factId)?.subject).includes(q)
      })
      return page(matching, (v) => v.factId, query.after, query.limit)
    },
    listSources: async (query) => page([...sources.values()], (s) => s.sourceId, query.after, query.limit),
    listFactIds: async (query) => page([...facts.keys()], (id) => id, query.after, query.limit),
    listFactsToReconcile: async (query) =>
      page(
        [...facts.values()].map((fact) => ({
          fact,
          claims: [...claims.values()].filter((c) => c.factId === fact.factId).sort((a, b) => byKey(a.claimId, b.claimId)),
          lastEvent: (factEvents.get(fact.factId) ?? []).filter((e) => e.position <= query.upTo).at(-1)?.position ?? null,
        })),
        (item) => item.fact.factId,
        query.after,
        query.limit,
      ),
    async commit(batch: ProjectionBatch) {
      // All or nothing, as one database transaction: a batch that fails halfway leaves the state it found.
      const before = { sources, facts, claims, views, history, factEvents, snapshots, policies: [...policies], checkpoint, policy }
      sources = new Map(sources)
      facts = new Map(facts)
      claims = new Map(claims)
      views = new Map(views)
      history = new Map(history)
      factEvents = new Map(factEvents)
      snapshots = new Map(snapshots)
      try {
        apply(batch)
      } catch (error) {
        ;({ sources, facts, claims, views, history, factEvents, snapshots, checkpoint, policy } = before)
        policies.splice(0, policies.length, ...before.policies)
        throw error
      }
    },
    async reset() {
      for (const m of [sources, facts, claims, views, history, factEvents, snapshots]) m.clear()
      policies.length = 0
      checkpoint = null
      policy = null
    },
  }

  function apply(batch: ProjectionBatch): void {
    for (const s of batch.sources) sources.set(s.sourceId, copy(s))
    for (const f of batch.facts) facts.set(f.factId, copy(f))
    for (const c of batch.claims) claims.set(c.claimId, copy(c))
    for (const v of changedViews(batch.views, (factId) => history.get(factId)?.at(-1))) {
      // One history row per fact and position, as the tables' primary key (fact_id, position) keeps it.
      const position = BigInt(v.asOf.position)
      const rows = (history.get(v.factId) ?? []).filter((r) => BigInt(r.asOf.position) !== position)
      history.set(v.factId, [...rows, copy(v)].sort((a, b) => (BigInt(a.asOf.position) < BigInt(b.asOf.position) ? -1 : 1)))
    }
    for (const v of batch.views) views.set(v.factId, copy(v))
    for (const e of batch.factEvents ?? []) {
      const rows = (factEvents.get(e.factId) ?? []).filter((r) => r.position !== e.position)
      factEvents.set(e.factId, [...rows, copy(e)].sort((a, b) => (a.position < b.position ? -1 : 1)))
    }
    for (const s of batch.factSnapshots ?? []) {
      const rows = (snapshots.get(s.factId) ?? []).filter((r) => r.position !== s.position)
      snapshots.set(s.factId, [...rows, copy(s)].sort((a, b) => (a.position < b.position ? -1 : 1)))
    }
    for (const p of batch.policyHistory ?? []) policies.push(copy(p))
    if (batch.policy) policy = copy(batch.policy)
    checkpoint = copy(batch.checkpoint)
  }
}

/** An in-memory Backend (event store + read model) for tests above the ports. */
export function createMemoryBackend(): { store: MemoryEventStore; readModel: ReadModelStore; treeStore: MerkleTreeStore; close(): Promise<void> } {
  const store = createMemoryEventStore()
  const readModel = createMemoryReadModel()
  return { store, readModel, treeStore: createMemoryMerkleTreeStore(), close: () => store.close() }
}
