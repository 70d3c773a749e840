import type { FactView } from '../../../projections/model.js'
import type { ProjectionBatch } from '../port.js'
import type { SqliteDatabase } from '../../store/sqlite/open-database.js'
import { lastByKey } from '../last-by-key.js'
import { changedViews, viewSearchText } from '../view-change.js'
import { READ_MODEL_TABLES } from '../read-model-tables.js'
import { snapshotDocs } from '../snapshot-docs.js'

/** SQLite's default WAL size that triggers a checkpoint, in pages. */
const DEFAULT_CHECKPOINT_PAGES = 1_000
/** During a rebuild: 16,384 pages (64 MB of WAL at 4 KB pages). */
const REBUILD_CHECKPOINT_PAGES = 16_384

/**
 * Write a projection batch and its checkpoint in one transaction (BEGIN
 * IMMEDIATE on the event store's connection): after a crash the documents and
 * the checkpoint are both from before the batch or both from after it.
 *
 * The transaction commits with synchronous=NORMAL, not the FULL the events
 * get: WAL keeps it atomic, and if a power loss takes the last batches away
 * the checkpoint goes back with them, so the runner folds those events
 * again. Every read-model document can be rebuilt from the events, so its
 * commits need not wait for fsync; the next event commit (FULL) syncs the
 * WAL frames before it anyway. better-sqlite3 is synchronous, so no event
 * append can run on this connection between the two pragmas.
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
  const putPolicyHistory = db.prepare('INSERT OR REPLACE INTO rm_policy_history (position, doc) VALUES (?, ?)')
  const putFactEvent = db.prepare('INSERT OR REPLACE INTO rm_fact_events (fact_id, position, viewed) VALUES (?, ?, ?)')
  const putSnapshot = db.prepare('INSERT OR REPLACE INTO rm_fact_snapshots (fact_id, position, docs) VALUES (?, ?, ?)')
  const putCheckpoint = db.prepare('INSERT OR REPLACE INTO rm_checkpoint (id, position, version, rebuilding) VALUES (1, ?, ?, ?)')
  const tables = [...READ_MODEL_TABLES]

  /** Each view becomes a history row when its content differs from the fact's previous one; the last per fact is current. */
  function writeViews(views: readonly FactView[], subjects: ReadonlyMap<string, string | undefined>): void {
    const storedLast = (factId: string) => {
      const stored = lastHistory.get(factId) as string | undefined
      return stored === undefined ? undefined : (JSON.parse(stored) as FactView)
    }
    // A view that is both a history row and the current one (most are) is serialized once.
    const texts = new Map<FactView, string>()
    const textOf = (view: FactView) => texts.get(view) ?? texts.set(view, JSON.stringify(view)).get(view)!
    for (const view of changedViews(views, storedLast)) putHistory.run(view.factId, BigInt(view.asOf.position), textOf(view))
    for (const view of lastByKey(views, (v) => v.factId)) {
      const subject = subjects.has(view.factId) ? subjects.get(view.factId) : ((subjectOf.get(view.factId) as string | null | undefined) ?? undefined)
      putView.run(view.factId, view.status, viewSearchText(view, subject), textOf(view))
    }
  }

  const commit = db.transaction((batch: ProjectionBatch) => {
    for (const source of lastByKey(batch.sources, (s) => s.sourceId)) putSource.run(source.sourceId, JSON.stringify(source))
    const facts = lastByKey(batch.facts, (f) => f.factId)
    const viewed = new Set(batch.views.map((v) => v.factId))
    for (const fact of facts) {
      putFact.run(fact.factId, JSON.stringify(fact))
      // A fact whose subject changed without a new view still needs its search text refreshed.
      const existing = viewed.has(fact.factId) ? undefined : (currentView.get(fact.factId) as string | undefined)
      if (existing) refreshSearch.run(viewSearchText(JSON.parse(existing) as FactView, fact.subject), fact.factId)
    }
    for (const claim of lastByKey(batch.claims, (c) => c.claimId)) putClaim.run(claim.claimId, claim.factId, claim.sourceId, JSON.stringify(claim))
    writeViews(batch.views, new Map(facts.map((f) => [f.factId, f.subject])))
    for (const e of batch.factEvents ?? []) putFactEvent.run(e.factId, e.position, e.viewed ? 1 : 0)
    for (const s of batch.factSnapshots ?? []) putSnapshot.run(s.factId, s.position, snapshotDocs(s))
    if (batch.policy) putPolicy.run(JSON.stringify(batch.policy))
    for (const p of batch.policyHistory ?? []) putPolicyHistory.run(p.position, JSON.stringify(p.policy))
    putCheckpoint.run(batch.checkpoint.position, batch.checkpoint.version, batch.checkpoint.rebuilding ? 1 : 0)
  })

  const reset = db.transaction(() => {
    for (const table of tables) db.prepare(`DELETE FROM ${table}`).run()
  })

  /**
   * Run a read-model transaction without waiting for fsync (see above), then
   * restore the events' FULL. A rebuild's batches also let the WAL grow
   * larger before it is checkpointed: each writes megabytes of pages, so the
   * default (1,000 pages) checkpointed, and synced, after nearly every batch,
   * writing the same index pages back to the database again and again.
   */
  function relaxed<T>(work: () => T, rebuilding = false): T {
    db.pragma('synchronous = NORMAL')
    if (rebuilding) db.pragma(`wal_autocheckpoint = ${REBUILD_CHECKPOINT_PAGES}`)
    try {
      return work()
    } finally {
      db.pragma('synchronous = FULL')
      if (rebuilding) db.pragma(`wal_autocheckpoint = ${DEFAULT_CHECKPOINT_PAGES}`)
    }
  }

  return {
    commit: (batch: ProjectionBatch) => relaxed(() => commit.immediate(batch), batch.checkpoint.rebuilding === true),
    reset: () => relaxed(() => reset.immediate()),
  }
}
