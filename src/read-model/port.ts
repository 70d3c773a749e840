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
}

export interface ProjectionBatch {
  sources: SourceDoc[]
  facts: FactDoc[]
  claims: ClaimDoc[]
  /**
   * Fact views recomputed in this batch, in position order. A fact may appear
   * several times (once per event that touched it). Each becomes a history row
   * at its own `asOf.position` when it differs from the fact's previous view
   * (ignoring `asOf`); the last one per fact is the current view. Keeping a row
   * per event, not per batch, is what makes a rebuild produce exactly the read
   * model that incremental application produced.
   */
  views: FactView[]
  policy?: Policy
  checkpoint: Checkpoint
}

export interface Page<T> {
  items: T[]
  /** Opaque cursor for the next page, null at the end. */
  next: string | null
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
  /** Every change of a fact's view, oldest first. */
  getFactViewHistory(id: string): Promise<FactView[]>
  listFactViews(query: FactListQuery): Promise<Page<FactView>>
  listSources(query: { after?: string; limit: number }): Promise<Page<SourceDoc>>
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
