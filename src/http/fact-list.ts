import type { FactStatus, FactView } from '../../projections/model.js'
import type { Clocks } from '../read/clocks.js'
import type { FactQueries } from '../read/fact-queries.js'
import type { FactListQuery, Page } from '../read-model/port.js'

/**
 * List facts, filtering by status at the asked clocks. The read model only
 * knows each fact's current status, so with a clock the status filter is
 * applied to the recomputed views instead: read-model pages are scanned
 * (each no larger than what the page still needs, so nothing scanned is
 * skipped) until the page is full or the list ends.
 */
export async function listFactsAtClocks(facts: FactQueries, query: FactListQuery & { status?: FactStatus }, clocks: Clocks): Promise<Page<FactView>> {
  const clocked = clocks.asOf !== undefined || clocks.knownAt !== undefined || clocks.validAt !== undefined
  if (!clocked || query.status === undefined) return facts.listFacts(query, clocks)
  const { status, ...unfiltered } = query
  const items: FactView[] = []
  let after = query.after
  for (;;) {
    const page = await facts.listFacts({ ...unfiltered, limit: query.limit - items.length, ...(after !== undefined ? { after } : {}) }, clocks)
    items.push(...page.items.filter((v) => v.status === status))
    if (page.next === null) return { items, next: null }
    after = page.next
    if (items.length === query.limit) return { items, next: after }
  }
}
