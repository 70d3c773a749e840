import type { Test } from 'tap'
import type { ReadModelStore } from '../../src/read-model/port.js'
import { batch, claimDoc, factDoc } from './documents.js'

/**
 * Conformance case for listFactsToReconcile (the last step of a rebuild):
 * every defined fact in id order with the claims filed under it now, ordered
 * by claim id, and its last event index row at or before `upTo`.
 */
export async function factsToReconcileCase(t: Test, rm: ReadModelStore): Promise<void> {
  await rm.commit({
    ...batch(3, {
      facts: ['f3', 'f1', 'f2'].map((id) => factDoc(id)),
      claims: [claimDoc('c2', 'f1', 's1'), claimDoc('c1', 'f1', 's2'), claimDoc('c4', 'f2', 's1'), claimDoc('c3', 'f3', 's1')],
      factEvents: [{ factId: 'f1', position: 2n, viewed: false }, { factId: 'f3', position: 3n, viewed: false }],
    }),
  })
  // c4 moves from f2 to f3; f1's next event comes after the position asked for.
  await rm.commit(batch(9, { claims: [claimDoc('c4', 'f3', 's1')], factEvents: [{ factId: 'f1', position: 9n, viewed: false }] }))
  const summary = (items: Awaited<ReturnType<ReadModelStore['listFactsToReconcile']>>['items']) =>
    items.map((i) => ({ fact: i.fact.factId, claims: i.claims.map((c) => `${c.claimId}@${c.factId}`), lastEvent: i.lastEvent }))

  const first = await rm.listFactsToReconcile({ limit: 2, upTo: 8n })
  t.strictSame(summary(first.items), [
    { fact: 'f1', claims: ['c1@f1', 'c2@f1'], lastEvent: 2n },
    { fact: 'f2', claims: [], lastEvent: null },
  ])
  const rest = await rm.listFactsToReconcile({ limit: 2, upTo: 8n, after: first.next! })
  t.strictSame(summary(rest.items), [{ fact: 'f3', claims: ['c3@f3', 'c4@f3'], lastEvent: 3n }])
  t.equal(rest.next, null)
  t.equal((await rm.listFactsToReconcile({ limit: 1, upTo: 9n })).items[0]?.lastEvent, 9n, 'the last event at or before upTo')
  await t.rejects(rm.listFactsToReconcile({ limit: 0, upTo: 9n }))
}

/** Conformance case for getFacts and getClaims: the documents of the ids that exist, each once, whatever the order asked. */
export async function docsByIdCase(t: Test, rm: ReadModelStore): Promise<void> {
  await rm.commit(batch(3, { facts: ['f1', 'f2'].map((id) => factDoc(id)), claims: [claimDoc('c1', 'f1', 's1'), claimDoc('c2', 'f2', 's1')] }))
  const byId = <T>(docs: T[], id: (doc: T) => string) => docs.map(id).sort()
  t.strictSame(byId(await rm.getFacts(['f2', 'nope', 'f1', 'f2']), (f) => f.factId), ['f1', 'f2'])
  t.strictSame(byId(await rm.getClaims(['c2', 'nope', 'c2']), (c) => c.claimId), ['c2'])
  t.strictSame(await rm.getClaims(['c1']), [claimDoc('c1', 'f1', 's1')])
  t.strictSame(await rm.getFacts([]), [])
}
