import type pg from 'pg'
import type { ClaimDoc, FactDoc, FactView, Policy, SourceDoc } from '../../../projections/model.js'
import type { FactSnapshot, ReadModelStore } from '../port.js'
import { assertLimit, decodeCursor, toPage } from '../page-cursor.js'
import { toStoreError } from '../../store/postgres/pg-errors.js'
import { READ_MODEL_TABLES } from '../read-model-tables.js'
import { commitBatch } from './read-model-commit.js'

/**
 * The projection documents in the PostgreSQL database beside the events
 * (tables from migrations/postgres/002_read_model.sql). Behaves exactly as
 * the SQLite read model: history rows only when a view changed apart from
 * asOf, cursor paging by id in byte order, status filter, q substring.
 * Cursors are the SQLite ones, so a cursor means the same on both.
 */
export function createPostgresReadModel(pool: pg.Pool): ReadModelStore {
  async function rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await pool.query<R>(sql, params)).rows
    } catch (error) {
      throw toStoreError(error, 'cannot read the read model from PostgreSQL')
    }
  }
  async function one<T>(sql: string, params: unknown[]): Promise<T | null> {
    const [row] = await rows<{ doc: T }>(sql, params)
    return row ? row.doc : null
  }
  async function inTransaction(fn: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    let client: pg.PoolClient
    try {
      client = await pool.connect()
    } catch (error) {
      throw toStoreError(error, 'cannot reach PostgreSQL to write the read model')
    }
    try {
      // Read-model writes need not wait for the WAL flush: a crash can only lose whole batches
      // together with their checkpoint, and the runner folds those events again (the events
      // themselves commit with the server's synchronous_commit).
      await client.query("BEGIN; SET LOCAL synchronous_commit = 'off'")
      await fn(client)
      await client.query('COMMIT')
      client.release()
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      client.release(error as Error)
      throw toStoreError(error, 'read model write failed')
    }
  }

  return {
    async getCheckpoint() {
      const [row] = await rows<{ position: string; version: string; rebuilding: boolean }>('SELECT position, version, rebuilding FROM rm_checkpoint WHERE id = 1')
      return row ? { position: BigInt(row.position), version: row.version, ...(row.rebuilding && { rebuilding: true }) } : null
    },
    getPolicy: () => one<Policy>('SELECT doc FROM rm_policy WHERE id = $1', [1]),
    getSource: (id) => one<SourceDoc>('SELECT doc FROM rm_sources WHERE source_id = $1', [id]),
    getFact: (id) => one<FactDoc>('SELECT doc FROM rm_facts WHERE fact_id = $1', [id]),
    getClaim: (id) => one<ClaimDoc>('SELECT doc FROM rm_claims WHERE claim_id = $1', [id]),
    getFacts: async (ids) => (await rows<{ doc: FactDoc }>('SELECT doc FROM rm_facts WHERE fact_id = ANY($1::text[])', [ids])).map((r) => r.doc),
    getClaims: async (ids) => (await rows<{ doc: ClaimDoc }>('SELECT doc FROM rm_claims WHERE claim_id = ANY($1::text[])', [ids])).map((r) => r.doc),
    async getClaimsOfFact(factId) {
      return (await rows<{ doc: ClaimDoc }>('SELECT doc FROM rm_claims WHERE fact_id = $1 ORDER BY claim_id', [factId])).map((r) => r.doc)
    },

    async getFactIdsOfSource(sourceId) {
      const ids = new Set<string>()
      for (const { doc } of await rows<{ doc: ClaimDoc }>('SELECT doc FROM rm_claims WHERE source_id = $1', [sourceId])) {
        ids.add(doc.factId)
        for (const earlier of doc.reassignedFrom) ids.add(earlier)
      }
      return [...ids].sort()
    },

    getFactView: (id) => one<FactView>('SELECT view AS doc FROM rm_fact_views WHERE fact_id = $1', [id]),
    // json (not jsonb) keeps the text as written; ::text hands it over without pg parsing it.
    getFactViewText: (id) => one<string>('SELECT view::text AS doc FROM rm_fact_views WHERE fact_id = $1', [id]),
    getFactViewAt: (id, position) =>
      one<FactView>('SELECT view AS doc FROM rm_fact_view_history WHERE fact_id = $1 AND position <= $2 ORDER BY position DESC LIMIT 1', [
        id,
        position.toString(),
      ]),
    async getFactViewHistory(id, page) {
      const found = page
        ? await rows<{ view: FactView }>('SELECT view FROM rm_fact_view_history WHERE fact_id = $1 AND position > $2 ORDER BY position LIMIT $3', [id, page.after.toString(), page.limit])
        : await rows<{ view: FactView }>('SELECT view FROM rm_fact_view_history WHERE fact_id = $1 ORDER BY position', [id])
      return found.map((r) => r.view)
    },

    async getFactEvents(factId, upTo, after = -1n) {
      const found = await rows<{ position: string; viewed: boolean }>(
        'SELECT position, viewed FROM rm_fact_events WHERE fact_id = $1 AND position > $2 AND position <= $3 ORDER BY position',
        [factId, after.toString(), upTo.toString()],
      )
      return found.map((r) => ({ factId, position: BigInt(r.position), viewed: r.viewed }))
    },
    async getFactSnapshotAt(factId, upTo) {
      // ::text hands the JSON over unparsed: JSON.parse of the text is faster than pg's row parsing of a large json value.
      const [row] = await rows<{ position: string; docs: string }>(
        'SELECT position, docs::text AS docs FROM rm_fact_snapshots WHERE fact_id = $1 AND position <= $2 ORDER BY position DESC LIMIT 1',
        [factId, upTo.toString()],
      )
      return row ? { factId, position: BigInt(row.position), ...(JSON.parse(row.docs) as Omit<FactSnapshot, 'factId' | 'position'>) } : null
    },
    async getFactSnapshotPosition(factId, upTo) {
      const [row] = await rows<{ position: string }>('SELECT position FROM rm_fact_snapshots WHERE fact_id = $1 AND position <= $2 ORDER BY position DESC LIMIT 1', [
        factId,
        upTo.toString(),
      ])
      return row ? BigInt(row.position) : null
    },
    async countFactEventsSinceSnapshot(factId) {
      const [row] = await rows<{ count: number }>(
        `SELECT count(*)::int AS count FROM rm_fact_events WHERE fact_id = $1
           AND position > coalesce((SELECT position FROM rm_fact_snapshots WHERE fact_id = $1 ORDER BY position DESC LIMIT 1), -1)`,
        [factId],
      )
      return row?.count ?? 0
    },
    async getLastFactEvent(factId, upTo) {
      const [row] = await rows<{ position: string; viewed: boolean }>(
        'SELECT position, viewed FROM rm_fact_events WHERE fact_id = $1 AND position <= $2 ORDER BY position DESC LIMIT 1',
        [factId, upTo.toString()],
      )
      return row ? { factId, position: BigInt(row.position), viewed: row.viewed } : null
    },
    getPolicyAt: (position) => one<Policy>('SELECT doc FROM rm_policy_history WHERE position <= $1 ORDER BY position DESC LIMIT 1', [position.toString()]),

    async listFactViews(query) {
      assertLimit(query.limit)
      const found = await rows<{ view: FactView }>(
        `SELECT view FROM rm_fact_views
         WHERE ($1::text IS NULL OR status = $1)
           AND ($2::text IS NULL OR strpos(search_text, $2) > 0)
           AND fact_id > $3
         ORDER BY fact_id LIMIT $4`,
        [query.status ?? null, query.q ? query.q.toLowerCase() : null, decodeCursor(query.after), query.limit + 1],
      )
      return toPage(found, query.limit, (r) => r.view, (v) => v.factId)
    },

    async listSources(query) {
      assertLimit(query.limit)
      const found = await rows<{ doc: SourceDoc }>('SELECT doc FROM rm_sources WHERE source_id > $1 ORDER BY source_id LIMIT $2', [
        decodeCursor(query.after),
        query.limit + 1,
      ])
      return toPage(found, query.limit, (r) => r.doc, (s) => s.sourceId)
    },

    async listFactIds(query) {
      assertLimit(query.limit)
      const found = await rows<{ fact_id: string }>('SELECT fact_id FROM rm_facts WHERE fact_id > $1 ORDER BY fact_id LIMIT $2', [
        decodeCursor(query.after),
        query.limit + 1,
      ])
      return toPage(found, query.limit, (r) => r.fact_id, (id) => id)
    },

    async listFactsToReconcile(query) {
      assertLimit(query.limit)
      const after = decodeCursor(query.after)
      const facts = await rows<{ doc: FactDoc }>('SELECT doc FROM rm_facts WHERE fact_id > $1 ORDER BY fact_id LIMIT $2', [after, query.limit + 1])
      const through = facts[Math.min(facts.length, query.limit) - 1]?.doc.factId
      if (through === undefined) return { items: [], next: null }
      // The claims and last events of the page's whole id range, one range query each.
      const [claims, lastEvents] = await Promise.all([
        rows<{ doc: ClaimDoc }>('SELECT doc FROM rm_claims WHERE fact_id > $1 AND fact_id <= $2 ORDER BY fact_id, claim_id', [after, through]),
        rows<{ fact_id: string; position: string }>(
          'SELECT fact_id, max(position) AS position FROM rm_fact_events WHERE fact_id > $1 AND fact_id <= $2 AND position <= $3 GROUP BY fact_id',
          [after, through, query.upTo.toString()],
        ),
      ])
      const claimsOf = new Map<string, ClaimDoc[]>()
      for (const { doc } of claims) {
        const list = claimsOf.get(doc.factId)
        if (list) list.push(doc)
        else claimsOf.set(doc.factId, [doc])
      }
      const lastEventOf = new Map(lastEvents.map((r) => [r.fact_id, BigInt(r.position)]))
      return toPage(
        facts,
        query.limit,
        ({ doc }) => ({ fact: doc, claims: claimsOf.get(doc.factId) ?? [], lastEvent: lastEventOf.get(doc.factId) ?? null }),
        (item) => item.fact.factId,
      )
    },

    commit: (batch) => inTransaction((client) => commitBatch(client, batch)),
    reset: () => inTransaction(async (client) => void (await client.query(`DELETE FROM ${READ_MODEL_TABLES.join('; DELETE FROM ')}`))),
  }
}
