import type { ClaimDoc, FactDoc, FactView, Policy, SourceDoc } from '../../../projections/model.js'
import type { Checkpoint, FactEvent, FactListQuery, FactSnapshot, ReadModelStore } from '../port.js'
import type { SqliteDatabase } from '../../store/sqlite/open-database.js'
import { assertLimit, decodeCursor, toPage } from '../page-cursor.js'
import { createFactsToReconcile } from './facts-to-reconcile.js'
import { createReadModelWriter } from './read-model-commit.js'

interface FactEventRow {
  position: bigint
  viewed: bigint
}
const toFactEvent = (factId: string, row: FactEventRow): FactEvent => ({ factId, position: row.position, viewed: row.viewed === 1n })
const parse = <T>(text: string): T => JSON.parse(text) as T
const parseOrNull = <T>(text: unknown): T | null => (typeof text === 'string' ? parse<T>(text) : null)

/**
 * The projection documents, in the event store's file and on its connection
 * (pass `store.database`, or use openSqliteBackend), so a batch and its
 * checkpoint commit in one SQLite transaction. The schema comes from
 * migrations/sqlite/002_read_model.sql, applied when the store opened.
 */
export function createSqliteReadModel(db: SqliteDatabase): ReadModelStore {
  const writer = createReadModelWriter(db)
  const factsToReconcile = createFactsToReconcile(db)
  const doc = (table: string, key: string) => db.prepare(`SELECT doc FROM ${table} WHERE ${key} = ?`).pluck()
  const sourceDoc = doc('rm_sources', 'source_id')
  const factDoc = doc('rm_facts', 'fact_id')
  const claimDoc = doc('rm_claims', 'claim_id')
  // One statement for a batch's ids: json_each turns the JSON array into rows.
  const factDocs = db.prepare('SELECT doc FROM rm_facts WHERE fact_id IN (SELECT value FROM json_each(?))').pluck()
  const claimDocs = db.prepare('SELECT doc FROM rm_claims WHERE claim_id IN (SELECT value FROM json_each(?))').pluck()
  const claimsOfFact = db.prepare('SELECT doc FROM rm_claims WHERE fact_id = ? ORDER BY claim_id').pluck()
  const claimsOfSource = db.prepare('SELECT doc FROM rm_claims WHERE source_id = ?').pluck()
  const checkpoint = db.prepare('SELECT position, version, rebuilding FROM rm_checkpoint WHERE id = 1').safeIntegers()
  const factEvents = db.prepare('SELECT position, viewed FROM rm_fact_events WHERE fact_id = ? AND position > ? AND position <= ? ORDER BY position').safeIntegers()
  const snapshotAt = db
    .prepare('SELECT position, docs FROM rm_fact_snapshots WHERE fact_id = ? AND position <= ? ORDER BY position DESC LIMIT 1')
    .safeIntegers()
  // ORDER BY ... LIMIT 1, not max(): max() with a range visited every snapshot row of the fact (a tenth of an as-of answer).
  const snapshotPosition = db
    .prepare('SELECT position FROM rm_fact_snapshots WHERE fact_id = ? AND position <= ? ORDER BY position DESC LIMIT 1')
    .pluck()
    .safeIntegers()
  const sinceSnapshot = db
    .prepare(
      `SELECT count(*) FROM rm_fact_events WHERE fact_id = :factId
         AND position > coalesce((SELECT position FROM rm_fact_snapshots WHERE fact_id = :factId ORDER BY position DESC LIMIT 1), -1)`,
    )
    .pluck()
  const lastFactEvent = db
    .prepare('SELECT position, viewed FROM rm_fact_events WHERE fact_id = ? AND position <= ? ORDER BY position DESC LIMIT 1')
    .safeIntegers()
  const policyAt = db.prepare('SELECT doc FROM rm_policy_history WHERE position <= ? ORDER BY position DESC LIMIT 1').pluck()
  const policy = db.prepare('SELECT doc FROM rm_policy WHERE id = 1').pluck()
  const view = db.prepare('SELECT view FROM rm_fact_views WHERE fact_id = ?').pluck()
  const viewAt = db
    .prepare('SELECT view FROM rm_fact_view_history WHERE fact_id = ? AND position <= ? ORDER BY position DESC LIMIT 1')
    .pluck()
  const history = db.prepare('SELECT view FROM rm_fact_view_history WHERE fact_id = ? ORDER BY position').pluck()
  const historyPage = db.prepare('SELECT view FROM rm_fact_view_history WHERE fact_id = ? AND position > ? ORDER BY position LIMIT ?').pluck()
  const views = db
    .prepare(
      `SELECT view FROM rm_fact_views
       WHERE (:status IS NULL OR status = :status)
         AND (:q IS NULL OR instr(search_text, :q) > 0)
         AND fact_id > :after
       ORDER BY fact_id LIMIT :limit`,
    )
    .pluck()
  const sources = db.prepare('SELECT doc FROM rm_sources WHERE source_id > ? ORDER BY source_id LIMIT ?').pluck()
  const factIds = db.prepare('SELECT fact_id FROM rm_facts WHERE fact_id > ? ORDER BY fact_id LIMIT ?').pluck()

  return {
    async getCheckpoint(): Promise<Checkpoint | null> {
      const row = checkpoint.get() as { position: bigint; version: string; rebuilding: bigint } | undefined
      return row ? { position: row.position, version: row.version, ...(row.rebuilding === 1n && { rebuilding: true }) } : null
    },
    getPolicy: async () => parseOrNull<Policy>(policy.get()),
    getSource: async id => parseOrNull<SourceDoc>(sourceDoc.get(id)),
    getFact: async id => parseOrNull<FactDoc>(factDoc.get(id)),
    getClaim: async id => parseOrNull<ClaimDoc>(claimDoc.get(id)),
    getFacts: async ids => (factDocs.all(JSON.stringify(ids)) as string[]).map(text => parse<FactDoc>(text)),
    getClaims: async ids => (claimDocs.all(JSON.stringify(ids)) as string[]).map(text => parse<ClaimDoc>(text)),
    getClaimsOfFact: async factId => (claimsOfFact.all(factId) as string[]).map(text => parse<ClaimDoc>(text)),

    async getFactIdsOfSource(sourceId) {
      const ids = new Set<string>()
      for (const text of claimsOfSource.all(sourceId) as string[]) {
        const claim = parse<ClaimDoc>(text)
        ids.add(claim.factId)
        for (const earlier of claim.reassignedFrom) ids.add(earlier)
      }
      return [...ids].sort()
    },

    getFactView: async id => parseOrNull<FactView>(view.get(id)),
    getFactViewText: async id => (view.get(id) as string | undefined) ?? null,
    getFactViewAt: async (id, position) => parseOrNull<FactView>(viewAt.get(id, position)),
    getFactViewHistory: async (id, page) =>
      ((page ? historyPage.all(id, page.after, page.limit) : history.all(id)) as string[]).map(text => parse<FactView>(text)),
    getFactEvents: async (factId, upTo, after = -1n) => (factEvents.all(factId, after, upTo) as FactEventRow[]).map(row => toFactEvent(factId, row)),
    async getFactSnapshotAt(factId, upTo) {
      const row = snapshotAt.get(factId, upTo) as { position: bigint; docs: string } | undefined
      return row ? { factId, position: row.position, ...parse<Omit<FactSnapshot, 'factId' | 'position'>>(row.docs) } : null
    },
    getFactSnapshotPosition: async (factId, upTo) => (snapshotPosition.get(factId, upTo) as bigint | undefined) ?? null,
    countFactEventsSinceSnapshot: async factId => sinceSnapshot.get({ factId }) as number,
    async getLastFactEvent(factId, upTo) {
      const row = lastFactEvent.get(factId, upTo) as FactEventRow | undefined
      return row ? toFactEvent(factId, row) : null
    },
    getPolicyAt: async position => parseOrNull<Policy>(policyAt.get(position)),

    async listFactViews(query: FactListQuery) {
      assertLimit(query.limit)
      const rows = views.all({
        status: query.status ?? null,
        q: query.q ? query.q.toLowerCase() : null,
        after: decodeCursor(query.after),
        limit: query.limit + 1,
      }) as string[]
      return toPage(rows, query.limit, text => parse<FactView>(text), v => v.factId)
    },

    async listSources(query) {
      assertLimit(query.limit)
      const rows = sources.all(decodeCursor(query.after), query.limit + 1) as string[]
      return toPage(rows, query.limit, text => parse<SourceDoc>(text), s => s.sourceId)
    },

    async listFactIds(query) {
      assertLimit(query.limit)
      const rows = factIds.all(decodeCursor(query.after), query.limit + 1) as string[]
      return toPage(rows, query.limit, id => id, id => id)
    },

    listFactsToReconcile: async query => factsToReconcile(query),
    commit: async batch => writer.commit(batch),
    reset: async () => writer.reset(),
  }
}
