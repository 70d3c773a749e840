import type { FactQueries } from '../../src/read/fact-queries.js'
import type { EventStore } from '../../src/store/port.js'
import type { ReadModelStore } from '../../src/read-model/port.js'

/**
 * Everything a reader can see in a read model, as plain JSON, for comparing
 * two builds: documents, current views, each fact's history of changes, and
 * each fact's view as of every position of the log on the ledger clock alone
 * and combined with the publication and valid-time clocks. `asOfEveryPosition:
 * false` leaves the as-of views out, for a log too long to replay per position.
 */
export async function snapshotReadModel(
  deps: { readModel: ReadModelStore; facts: FactQueries; store: EventStore },
  clocks: Array<{ knownAt?: string; validAt?: string }> = [],
  { asOfEveryPosition = true } = {},
) {
  const { readModel, facts: queries } = deps
  const head = await deps.store.headPosition()
  const facts = []
  let after: string | undefined
  for (;;) {
    const page = await readModel.listFactViews({ limit: 100, ...(after ? { after } : {}) })
    for (const view of page.items) {
      const asOf = []
      for (let p = 0n; asOfEveryPosition && p <= head; p++) {
        for (const c of [{}, ...clocks]) asOf.push(await queries.getFact(view.factId, { asOf: p, ...c }))
      }
      facts.push({
        view,
        fact: await readModel.getFact(view.factId),
        claims: (await readModel.getClaimsOfFact(view.factId)).sort((a, b) => a.claimId.localeCompare(b.claimId)),
        history: await queries.getFactViewHistory(view.factId),
        asOf,
      })
    }
    if (!page.next) break
    after = page.next
  }
  const sources = []
  after = undefined
  for (;;) {
    const page = await readModel.listSources({ limit: 100, ...(after ? { after } : {}) })
    sources.push(...page.items)
    if (!page.next) break
    after = page.next
  }
  const checkpoint = await readModel.getCheckpoint()
  return JSON.parse(JSON.stringify({ facts, sources, policy: await readModel.getPolicy(), checkpoint }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))
}
