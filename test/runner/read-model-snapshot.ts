import type { ReadModelStore } from '../../src/read-model/port.js'

/** Everything a reader can see in a read model, as plain JSON, for comparing two builds. */
export async function snapshotReadModel(readModel: ReadModelStore) {
  const facts = []
  let after: string | undefined
  for (;;) {
    const page = await readModel.listFactViews({ limit: 100, ...(after ? { after } : {}) })
    for (const view of page.items) {
      facts.push({
        view,
        fact: await readModel.getFact(view.factId),
        claims: (await readModel.getClaimsOfFact(view.factId)).sort((a, b) => a.claimId.localeCompare(b.claimId)),
        history: await readModel.getFactViewHistory(view.factId),
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
