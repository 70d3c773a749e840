import type { ClaimDoc, FactDoc, FactView, Policy, SourceDoc } from '../../projections/model.js'

/**
 * Where projections keep their documents and the checkpoint they reflect.
 * SQLite and PostgreSQL keep them beside the events and write a batch of
 * documents and its checkpoint in one transaction, so a crash never leaves a
 * read model ahead of or behind its checkpoint.
 */
export interface Checkpoint {
  /** Last global position folded into the read model. */
  position: bigint
  /** Version of the projection code that built it; a change forces a rebuild. */
  version: string
  /** A rebuild is under way (started, not yet caught up): starting it again continues from here. */
  rebuilding?: boolean
}

/**
 * One entry of a fact's event index: a position whose event can change the
 * fact's view. `viewed` says the runner computed the fact's view right after
 * it, so the view history's last row at or before it is the view there.
 */
export interface FactEvent {
  factId: string
  position: bigint
  viewed: boolean
}

/**
 * A fact's documents as they stood right after one of its indexed events:
 * the fact, the claims filed under it then, and the sources they cite. The
 * runner stores one every few of the fact's events (src/runner/fact-snapshots.ts),
 * so a view at a past position folds only the fact's events after the
 * nearest one (src/read/fact-at.ts).
 */
export interface FactSnapshot {
  factId: string
  position: bigint
  fact: FactDoc
  claims: ClaimDoc[]
  sources: SourceDoc[]
}

export interface ProjectionBatch {
  sources: SourceDoc[]
  facts: FactDoc[]
  claims: ClaimDoc[]
  /**
   * Fact views recomputed in this batch, in position order: the runner
   * computes one per fact it touched, after the fact's last event of the
   * batch. Each becomes a history row at its own `asOf.position` when it
   * differs from the fact's previous view (ignoring `asOf`); the last one per
   * fact is the current view.
   */
  views: FactView[]
  /**
   * The fact event index rows of this batch. With them a view at any past
   * position is exact whatever the batch size: where no view was computed,
   * it is reconciled from the fact's events (src/read/fact-at.ts).
   */
  factEvents?: FactEvent[]
  /** Snapshots of facts' documents taken in this batch (at most one per fact and position). */
  factSnapshots?: FactSnapshot[]
  /** The policy in force after the batch, when the batch adopted one. */
  policy?: Policy
  /** Each policy adopted in the batch, at its position. */
  policyHistory?: Array<{ position: bigint; policy: Policy }>
  checkpoint: Checkpoint
}

/** One fact as a rebuild reconciles it: its document, the claims filed under it (by claim id) and its last indexed event. */
export interface FactToReconcile {
  fact: FactDoc
  claims: ClaimDoc[]
  /** The position of the fact's last event index row at or before the page's `upTo`, or null when it has none. */
  lastEvent: bigint | null
}

export interface Page<T> {
  items: T[]
  /** Opaque cursor for the next page, null at the end. */
  next: string | null
}

/** A window of a fact's view history: rows after this position (exclusive), at most `limit`. */
export interface HistoryPage {
  after: bigint
  limit: number
}

export interface FactListQuery {
  status?: string
  /** Case-insensitive substring of the question, subject or fact id. */
  q?: string
  after?: string
  limit: number
}

export interface ReadModelStore {
  getCheckpoint(): Promise<Checkpoint | null>
  getPolicy(): Promise<Policy | null>
  getSource(id: string): Promise<SourceDoc | null>
  getFact(id: string): Promise<FactDoc | null>
  getClaim(id: string): Promise<ClaimDoc | null>
  /**
   * The documents of these ids that exist, in any order: the runner loads
   * what a batch of events names in one query per kind instead of one per id.
   */
  getFacts(ids: readonly string[]): Promise<FactDoc[]>
  getClaims(ids: readonly string[]): Promise<ClaimDoc[]>
  /** Claims currently filed under the fact (any status). */
  getClaimsOfFact(factId: string): Promise<ClaimDoc[]>
  /** Ids of facts that have (or had) a claim from this source. */
  getFactIdsOfSource(sourceId: string): Promise<string[]>
  getFactView(id: string): Promise<FactView | null>
  /**
   * The current view as stored: the JSON text JSON.stringify wrote, which
   * parses to what getFactView returns. Optional: for read models that keep
   * the text (SQLite, PostgreSQL's json columns), so a reader that only
   * passes the view on need not parse it.
   */
  getFactViewText?(id: string): Promise<string | null>
  /** The fact view as it was at a ledger position (the last change at or before it). */
  getFactViewAt(id: string, position: bigint): Promise<FactView | null>
  /**
   * The stored changes of a fact's view, oldest first: one per position
   * where a computed view differed from the one before. After a catch-up in
   * large batches that is not every change; src/read/fact-history.ts fills
   * the rest in from the fact's events. With `page`, only the rows after
   * `page.after` (exclusive), at most `page.limit` of them: a fact with
   * thousands of changes is read a page at a time.
   */
  getFactViewHistory(id: string, page?: HistoryPage): Promise<FactView[]>
  /** The fact's event index up to `upTo` (inclusive), oldest first; with `after`, only the rows after it (exclusive). */
  getFactEvents(factId: string, upTo: bigint, after?: bigint): Promise<FactEvent[]>
  /** The position of the fact's last snapshot at or before `upTo`, or null: a cheap lookup, so a reader can keep parsed snapshots. */
  getFactSnapshotPosition(factId: string, upTo: bigint): Promise<bigint | null>
  /** The fact's last snapshot at or before `upTo`, or null. */
  getFactSnapshotAt(factId: string, upTo: bigint): Promise<FactSnapshot | null>
  /** How many of the fact's indexed events come after its last snapshot (all of them when it has none). */
  countFactEventsSinceSnapshot(factId: string): Promise<number>
  /** The fact's last indexed event at or before `upTo`, or null. */
  getLastFactEvent(factId: string, upTo: bigint): Promise<FactEvent | null>
  /** The policy in force at a position (the last adopted at or before it), or null for the default. */
  getPolicyAt(position: bigint): Promise<Policy | null>
  listFactViews(query: FactListQuery): Promise<Page<FactView>>
  listSources(query: { after?: string; limit: number }): Promise<Page<SourceDoc>>
  /** Every defined fact's id, in id order, whether or not its view was computed yet (a rebuild computes views last). */
  listFactIds(query: { after?: string; limit: number }): Promise<Page<string>>
  /**
   * Every defined fact in id order, with what reconciling it needs: the last
   * step of a rebuild reads the whole read model this way, a few range
   * queries per page instead of three lookups per fact.
   */
  listFactsToReconcile(query: { after?: string; limit: number; upTo: bigint }): Promise<Page<FactToReconcile>>
  /** Write a batch and its checkpoint atomically. */
  commit(batch: ProjectionBatch): Promise<void>
  /** Drop every document and the checkpoint (before a rebuild). */
  reset(): Promise<void>
}

/** What `Backend.readFactViewAndHead` reads. */
export interface FactViewAndHead {
  /** The fact's current view as stored (JSON text, as ReadModelStore.getFactViewText), or null. */
  viewText: string | null
  /** The revision of the fact stream's last event (as EventStore.streamHead), or null when it does not exist. */
  streamHead: bigint | null
}
