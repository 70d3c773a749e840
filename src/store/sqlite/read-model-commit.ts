import type { FactView } from '../../../projections/model.js'
import type { ProjectionBatch } from '../read-model-port.js'
import type { SqliteDatabase } from './open-database.js'
import { viewContent, viewSearchText } from '../shared/view-change.js'

/**
 * Write a projection batch and its checkpoint in one transaction (BEGIN
 * IMMEDIATE on the event store's connection): after a crash the documents and
 * the checkpoint are both from before the batch or both from after it.
 */
export function createReadModelWriter(db: SqliteDatabase) {
  const putSource = db.prepare('INSERT OR REPLACE INTO rm_sources (source_id, doc) VALUES (?, ?)')
  const putFact = db.prepare('INSERT OR REPLACE INTO rm_facts (fact_id, doc) VALUES (?, ?)')
  const putClaim = db.prepare('INSERT OR REPLACE INTO rm_claims (claim_id, fact_id, source_id, doc) VALUES (?, ?, ?, ?)')
  const subjectOf = db.prepare("SELECT doc ->> '$.subject' FROM rm_facts WHERE fact_id = ?").pluck()
  const refreshSearch = db.prepare('UPDATE rm_fact_views SET search_text = ? WHERE fact_id = ?')
  const currentView = db.prepare('SELECT view FROM rm_fact_views WHERE fact_id = ?').pluck()
  const putView = db.prepare('INSERT OR REPLACE INTO rm_fact_views (fact_id, status, search_text, view) VALUES (?, ?, ?, ?)')
  const lastHistory = db
    .prepare('SELECT view FROM rm_fact_view_history WHERE fact_id = ? ORDER BY position DESC LIMIT 1')
    .pluck()
  const putHistory = db.prepare('INSERT OR REPLACE INTO rm_fact_view_history (fact_id, position, view) VALUES (?, ?, ?)')
  const putPolicy = db.prepare('INSERT OR REPLACE INTO rm_policy (id, doc) VALUES (1, ?)')
  const putCheckpoint = db.prepare('INSERT OR REPLACE INTO rm_checkpoint (id, position, version) VALUES (1, ?, ?)')
  const tables = ['rm_sources', 'rm_facts', 'rm_claims', 'rm_fact_views', 'rm_fact_view_history', 'rm_policy', 'rm_checkpoint']

  const commit = db.transaction((batch: ProjectionBatch) => {
    for (const source of batch.sources) putSource.run(source.sourceId, JSON.stringify(source))
    for (const fact of batch.facts) {
      putFact.run(fact.factId, JSON.stringify(fact))
      const existing = currentView.get(fact.factId) as string | undefined
      if (existing) refreshSearch.run(viewSearchText(JSON.parse(existing) as FactView, fact.subject), fact.factId)
    }
    for (const claim of batch.claims) putClaim.run(claim.claimId, claim.factId, claim.sourceId, JSON.stringify(claim))
    for (const view of batch.views) {
      const previous = lastHistory.get(view.factId) as string | undefined
      const text = JSON.stringify(view)
      if (previous === undefined || viewContent(JSON.parse(previous) as FactView) !== viewContent(view)) {
        putHistory.run(view.factId, BigInt(view.asOf.position), text)
      }
      const subject = subjectOf.get(view.factId) as string | null | undefined
      putView.run(view.factId, view.status, viewSearchText(view, subject ?? undefined), text)
    }
    if (batch.policy) putPolicy.run(JSON.stringify(batch.policy))
    putCheckpoint.run(batch.checkpoint.position, batch.checkpoint.version)
  })

  const reset = db.transaction(() => {
    for (const table of tables) db.prepare(`DELETE FROM ${table}`).run()
  })

  return {
    commit: (batch: ProjectionBatch) => commit.immediate(batch),
    reset: () => reset.immediate(),
  }
}
