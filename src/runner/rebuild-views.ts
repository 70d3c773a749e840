import { reconcileFact } from '../../projections/facts/reconcile.js'
import type { FactView, Policy, SourceDoc } from '../../projections/model.js'
import { projectionVersion } from '../../projections/version.js'
import type { FactEvent, ReadModelStore } from '../read-model/port.js'

/** Facts reconciled per read-model transaction in the rebuild's last step. */
const FACTS_PER_COMMIT = 500
/** Sources kept in memory across pages (a news cycle's worth); the map starts over when full. */
const SOURCE_CACHE = 5_000

/**
 * The last step of a rebuild: every fact's current view, reconciled once
 * from its stored documents, at the fact's last indexed event (the documents
 * at the end of the log are the ones at that event: anything that changes a
 * fact's view after it would have been indexed). The view becomes the fact's
 * current view and its one history row; the index row at that position is
 * marked viewed. Views at earlier positions are reconciled on demand from the
 * fact's events, as after any large catch-up batch (src/read/fact-at.ts).
 *
 * Facts are read a page at a time with their claims and last indexed event
 * (listFactsToReconcile: a few range queries per page, not three lookups per
 * fact). Each page commits with the rebuilding checkpoint, so a rebuild killed here
 * runs this step again from the start when continued: it only rewrites the
 * same views.
 */
export async function rebuildViews(readModel: ReadModelStore, policy: Policy, position: bigint, onFacts?: (done: number) => void): Promise<number> {
  const sources = new Map<string, SourceDoc | null>()
  async function sourceOf(id: string): Promise<SourceDoc | null> {
    if (!sources.has(id)) {
      if (sources.size >= SOURCE_CACHE) sources.clear()
      sources.set(id, await readModel.getSource(id))
    }
    return sources.get(id) ?? null
  }

  let done = 0
  let after: string | undefined
  for (;;) {
    const page = await readModel.listFactsToReconcile({ limit: FACTS_PER_COMMIT, upTo: position, ...(after ? { after } : {}) })
    const views: FactView[] = []
    const factEvents: FactEvent[] = []
    for (const { fact, claims, lastEvent } of page.items) {
      if (lastEvent === null) continue
      const cited = new Map<string, SourceDoc>()
      for (const c of claims) {
        const source = cited.has(c.sourceId) ? null : await sourceOf(c.sourceId)
        if (source) cited.set(c.sourceId, source)
      }
      views.push(reconcileFact({ fact, claims, sources: cited, policy, position: lastEvent }))
      factEvents.push({ factId: fact.factId, position: lastEvent, viewed: true })
    }
    // In position order, as every batch's views come (the last one per fact is current; here there is one per fact).
    views.sort((a, b) => (BigInt(a.asOf.position) < BigInt(b.asOf.position) ? -1 : 1))
    await readModel.commit({ sources: [], facts: [], claims: [], views, factEvents, checkpoint: { position, version: projectionVersion, rebuilding: true } })
    done += page.items.length
    onFacts?.(done)
    if (!page.next) return done
    after = page.next
  }
}
