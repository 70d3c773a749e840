import type { ClaimDoc, FactDoc } from '../../../projections/model.js'
import type { FactToReconcile, Page } from '../port.js'
import type { SqliteDatabase } from '../../store/sqlite/open-database.js'
import { assertLimit, decodeCursor, toPage } from '../page-cursor.js'

/**
 * listFactsToReconcile for SQLite: a page of facts by id, then the claims and
 * the last event index rows of the whole id range of the page in one range
 * query each (on rm_claims_by_fact and rm_fact_events' primary key), instead
 * of three lookups per fact.
 */
export function createFactsToReconcile(db: SqliteDatabase) {
  const facts = db.prepare('SELECT fact_id, doc FROM rm_facts WHERE fact_id > ? ORDER BY fact_id LIMIT ?').raw()
  const claims = db.prepare('SELECT fact_id, doc FROM rm_claims WHERE fact_id > ? AND fact_id <= ? ORDER BY fact_id, claim_id').raw()
  const lastEvents = db
    .prepare('SELECT fact_id, max(position) FROM rm_fact_events WHERE fact_id > ? AND fact_id <= ? AND position <= ? GROUP BY fact_id')
    .raw()
    .safeIntegers()

  return function listFactsToReconcile(query: { after?: string; limit: number; upTo: bigint }): Page<FactToReconcile> {
    assertLimit(query.limit)
    const after = decodeCursor(query.after)
    const rows = facts.all(after, query.limit + 1) as Array<[string, string]>
    const last = rows[Math.min(rows.length, query.limit) - 1]
    if (!last) return { items: [], next: null }
    const through = last[0]
    const claimsOf = new Map<string, ClaimDoc[]>()
    for (const [factId, doc] of claims.all(after, through) as Array<[string, string]>) {
      let list = claimsOf.get(factId)
      if (!list) claimsOf.set(factId, (list = []))
      list.push(JSON.parse(doc) as ClaimDoc)
    }
    const lastEventOf = new Map((lastEvents.all(after, through, query.upTo) as Array<[string, bigint]>).map(([factId, position]) => [factId, position]))
    return toPage(
      rows,
      query.limit,
      ([factId, doc]) => ({ fact: JSON.parse(doc) as FactDoc, claims: claimsOf.get(factId) ?? [], lastEvent: lastEventOf.get(factId) ?? null }),
      (item) => item.fact.factId,
    )
  }
}
