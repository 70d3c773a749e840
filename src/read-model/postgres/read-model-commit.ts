import type pg from 'pg'
import type { FactView } from '../../../projections/model.js'
import type { ProjectionBatch } from '../port.js'
import { lastByKey } from '../last-by-key.js'
import { snapshotDocs } from '../snapshot-docs.js'
import { changedViews, viewSearchText } from '../view-change.js'

/**
 * Writes a projection batch and its checkpoint in one transaction, with
 * the same outcome as the SQLite writer (src/read-model/sqlite/read-model-commit.ts)
 * but in a fixed number of statements: each table gets one multi-row upsert
 * (unnest) however large the batch is.
 */
export async function commitBatch(client: pg.PoolClient, batch: ProjectionBatch): Promise<void> {
  const sources = lastByKey(batch.sources, (s) => s.sourceId)
  if (sources.length > 0) {
    await client.query(
      `INSERT INTO rm_sources (source_id, doc) SELECT * FROM unnest($1::text[], $2::json[])
       ON CONFLICT (source_id) DO UPDATE SET doc = excluded.doc`,
      [sources.map((s) => s.sourceId), sources.map((s) => JSON.stringify(s))],
    )
  }

  const facts = lastByKey(batch.facts, (f) => f.factId)
  if (facts.length > 0) {
    await client.query(
      `INSERT INTO rm_facts (fact_id, doc) SELECT * FROM unnest($1::text[], $2::json[])
       ON CONFLICT (fact_id) DO UPDATE SET doc = excluded.doc`,
      [facts.map((f) => f.factId), facts.map((f) => JSON.stringify(f))],
    )
    // A fact's subject may have changed: refresh what q searches for its current view.
    const existing = await client.query<{ fact_id: string; view: FactView }>(
      'SELECT fact_id, view FROM rm_fact_views WHERE fact_id = ANY($1::text[])',
      [facts.map((f) => f.factId)],
    )
    if (existing.rows.length > 0) {
      const subject = new Map(facts.map((f) => [f.factId, f.subject]))
      await client.query(
        `UPDATE rm_fact_views v SET search_text = u.search_text
         FROM unnest($1::text[], $2::text[]) AS u(fact_id, search_text) WHERE v.fact_id = u.fact_id`,
        [existing.rows.map((r) => r.fact_id), existing.rows.map((r) => viewSearchText(r.view, subject.get(r.fact_id)))],
      )
    }
  }

  const claims = lastByKey(batch.claims, (c) => c.claimId)
  if (claims.length > 0) {
    await client.query(
      `INSERT INTO rm_claims (claim_id, fact_id, source_id, doc) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::json[])
       ON CONFLICT (claim_id) DO UPDATE SET fact_id = excluded.fact_id, source_id = excluded.source_id, doc = excluded.doc`,
      [claims.map((c) => c.claimId), claims.map((c) => c.factId), claims.map((c) => c.sourceId), claims.map((c) => JSON.stringify(c))],
    )
  }

  if (batch.views.length > 0) await writeViews(client, batch.views)

  const factEvents = batch.factEvents ?? []
  if (factEvents.length > 0) {
    await client.query(
      `INSERT INTO rm_fact_events (fact_id, position, viewed) SELECT * FROM unnest($1::text[], $2::bigint[], $3::boolean[])
       ON CONFLICT (fact_id, position) DO UPDATE SET viewed = excluded.viewed`,
      [factEvents.map((e) => e.factId), factEvents.map((e) => e.position.toString()), factEvents.map((e) => e.viewed)],
    )
  }
  const snapshots = batch.factSnapshots ?? []
  if (snapshots.length > 0) {
    await client.query(
      `INSERT INTO rm_fact_snapshots (fact_id, position, docs) SELECT * FROM unnest($1::text[], $2::bigint[], $3::json[])
       ON CONFLICT (fact_id, position) DO UPDATE SET docs = excluded.docs`,
      [snapshots.map((s) => s.factId), snapshots.map((s) => s.position.toString()), snapshots.map(snapshotDocs)],
    )
  }
  for (const { position, policy } of batch.policyHistory ?? []) {
    await client.query('INSERT INTO rm_policy_history (position, doc) VALUES ($1, $2::json) ON CONFLICT (position) DO UPDATE SET doc = excluded.doc', [
      position.toString(),
      JSON.stringify(policy),
    ])
  }
  if (batch.policy) {
    await client.query('INSERT INTO rm_policy (id, doc) VALUES (1, $1::json) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc', [
      JSON.stringify(batch.policy),
    ])
  }
  await client.query(
    `INSERT INTO rm_checkpoint (id, position, version, rebuilding) VALUES (1, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET position = excluded.position, version = excluded.version, rebuilding = excluded.rebuilding`,
    [batch.checkpoint.position.toString(), batch.checkpoint.version, batch.checkpoint.rebuilding === true],
  )
}

/**
 * Views in position order: each becomes a history row at its own position
 * when its content differs from the fact's previous view; the last one per
 * fact becomes the current view.
 */
async function writeViews(client: pg.PoolClient, views: FactView[]): Promise<void> {
  const factIds = [...new Set(views.map((v) => v.factId))]
  const previous = await client.query<{ fact_id: string; view: FactView }>(
    `SELECT DISTINCT ON (fact_id) fact_id, view FROM rm_fact_view_history
     WHERE fact_id = ANY($1::text[]) ORDER BY fact_id, position DESC`,
    [factIds],
  )
  const stored = new Map(previous.rows.map((r) => [r.fact_id, r.view]))
  const subjects = await client.query<{ fact_id: string; subject: string | null }>(
    "SELECT fact_id, doc ->> 'subject' AS subject FROM rm_facts WHERE fact_id = ANY($1::text[])",
    [factIds],
  )
  const subject = new Map(subjects.rows.map((r) => [r.fact_id, r.subject ?? undefined]))

  const historyRows = lastByKey(changedViews(views, (factId) => stored.get(factId)), (v) => `${v.factId}\u0000${v.asOf.position}`)
  if (historyRows.length > 0) {
    await client.query(
      `INSERT INTO rm_fact_view_history (fact_id, position, view) SELECT * FROM unnest($1::text[], $2::bigint[], $3::json[])
       ON CONFLICT (fact_id, position) DO UPDATE SET view = excluded.view`,
      [historyRows.map((v) => v.factId), historyRows.map((v) => v.asOf.position), historyRows.map((v) => JSON.stringify(v))],
    )
  }

  const current = lastByKey(views, (v) => v.factId)
  await client.query(
    `INSERT INTO rm_fact_views (fact_id, status, search_text, view) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::json[])
     ON CONFLICT (fact_id) DO UPDATE SET status = excluded.status, search_text = excluded.search_text, view = excluded.view`,
    [
      current.map((v) => v.factId),
      current.map((v) => v.status),
      current.map((v) => viewSearchText(v, subject.get(v.factId))),
      current.map((v) => JSON.stringify(v)),
    ],
  )
}
