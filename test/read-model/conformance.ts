/**
 * The read-model conformance suite: what every ReadModelStore (SQLite,
 * PostgreSQL) must do for the projection runner and the read API.
 *
 *   await runReadModelConformance(t, 'sqlite', async () => {
 *     const backend = await openSqliteBackend({ path })
 *     return { readModel: backend.readModel, cleanup: () => backend.close() }
 *   })
 *
 * `open` is called once per case and must return an EMPTY read model;
 * `cleanup` closes it and removes its data.
 */
import type { Test } from 'tap'
import type { ReadModelStore } from '../../src/read-model/port.js'
import { batch, claimDoc, factDoc, factView, sourceDoc } from './documents.js'
import { docsByIdCase, factsToReconcileCase } from './facts-to-reconcile-case.js'

export interface ReadModelUnderTest {
  readModel: ReadModelStore
  cleanup: () => Promise<void>
}

async function withReadModel(open: () => Promise<ReadModelUnderTest>, body: (rm: ReadModelStore) => Promise<void>) {
  const { readModel, cleanup } = await open()
  try {
    await body(readModel)
  } finally {
    await cleanup()
  }
}

export function runReadModelConformance(t: Test, name: string, open: () => Promise<ReadModelUnderTest>) {
  return t.test(`${name} read-model conformance`, async t => {
    t.test('an empty read model has no checkpoint, policy, documents or views', t =>
      withReadModel(open, async rm => {
        t.equal(await rm.getCheckpoint(), null)
        t.equal(await rm.getPolicy(), null)
        t.equal(await rm.getSource('s1'), null)
        t.equal(await rm.getFact('f1'), null)
        t.equal(await rm.getClaim('c1'), null)
        t.equal(await rm.getFactView('f1'), null)
        t.equal(await rm.getFactViewAt('f1', 100n), null)
        t.strictSame(await rm.getFactViewHistory('f1'), [])
        t.strictSame(await rm.getClaimsOfFact('f1'), [])
        t.strictSame(await rm.getFactIdsOfSource('s1'), [])
        t.strictSame(await rm.listFactViews({ limit: 10 }), { items: [], next: null })
        t.strictSame(await rm.listSources({ limit: 10 }), { items: [], next: null })
      }))

    t.test('a committed batch reads back exactly, with its checkpoint; later commits replace documents', t =>
      withReadModel(open, async rm => {
        const source = sourceDoc('s1', { url: 'https://example.org/a', author: 'Ana Vanessa Herrero — «Caracas»' })
        const fact = factDoc('f1', { subsetOf: 'f0' })
        const claim = claimDoc('c1', 'f1', 's1', { via: ['according to documents seen by Bloomberg'] })
        const view = factView('f1', 3)
        await rm.commit(batch(3, { sources: [source], facts: [fact], claims: [claim], views: [view] }))
        t.strictSame(await rm.getCheckpoint(), { position: 3n, version: 'v1' })
        t.strictSame(await rm.getSource('s1'), source)
        t.strictSame(await rm.getFact('f1'), fact)
        t.strictSame(await rm.getClaim('c1'), claim)
        t.strictSame(await rm.getFactView('f1'), view)

        const revised = sourceDoc('s1', { title: 'US sanctions 21 Maduro allies', lastPosition: '4' })
        await rm.commit({ ...batch(4, { sources: [revised] }), checkpoint: { position: 4n, version: 'v2' } })
        t.strictSame(await rm.getSource('s1'), revised)
        t.strictSame(await rm.getCheckpoint(), { position: 4n, version: 'v2' })
        t.strictSame(await rm.getFact('f1'), fact, 'documents not in the batch stay')
      }))

    t.test('claims follow reassignment; a source lists every fact it has had a claim under', t =>
      withReadModel(open, async rm => {
        await rm.commit(batch(5, { claims: [claimDoc('c1', 'f1', 's1'), claimDoc('c2', 'f1', 's2'), claimDoc('c3', 'f3', 's1')] }))
        t.strictSame((await rm.getClaimsOfFact('f1')).map(c => c.claimId), ['c1', 'c2'])
        const moved = claimDoc('c1', 'f2', 's1', { reassignedFrom: ['f1'] })
        await rm.commit(batch(6, { claims: [moved] }))
        t.strictSame((await rm.getClaimsOfFact('f1')).map(c => c.claimId), ['c2'], 'moved away')
        t.strictSame(await rm.getClaimsOfFact('f2'), [moved], 'moved here')
        t.strictSame(await rm.getFactIdsOfSource('s1'), ['f1', 'f2', 'f3'], 'current and former facts, sorted, once each')
        t.strictSame(await rm.getFactIdsOfSource('s2'), ['f1'])
      }))

    t.test('view history keeps a row per change, ignoring asOf; getFactViewAt is the last change at or before', t =>
      withReadModel(open, async rm => {
        const v5 = factView('f1', 5)
        const v6 = factView('f1', 6) // same content, later position: not a change
        const v7 = factView('f1', 7, { display: 'more than 20', status: 'confirmed', origins: 2 })
        await rm.commit(batch(6, { views: [v5, v6] }))
        await rm.commit(batch(9, { views: [v7, factView('f1', 9, { display: 'more than 20', status: 'confirmed', origins: 2 })] }))
        t.strictSame(await rm.getFactViewHistory('f1'), [v5, v7])
        t.equal(await rm.getFactViewAt('f1', 4n), null, 'before the first view')
        t.strictSame(await rm.getFactViewAt('f1', 5n), v5)
        t.strictSame(await rm.getFactViewAt('f1', 6n), v5, 'between changes: the earlier one')
        t.strictSame(await rm.getFactViewAt('f1', 7n), v7)
        t.strictSame(await rm.getFactViewAt('f1', 1000n), v7)
        t.equal((await rm.getFactView('f1'))?.asOf.position, '9', 'the current view is the last one given')
        const v10 = factView('f1', 10)
        await rm.commit(batch(10, { views: [v10] }))
        t.strictSame(await rm.getFactViewHistory('f1'), [v5, v7, v10], 'changing back is a change')
        t.strictSame(await rm.getFactViewHistory('f1', { after: 5n, limit: 1 }), [v7], 'a page: after a position, at most limit rows')
        t.strictSame(await rm.getFactViewHistory('f1', { after: 7n, limit: 5 }), [v10])
      }))

    t.test('each fact keeps its event index and the policy its history; a reset drops both and a rebuilding checkpoint reads back', t =>
      withReadModel(open, async rm => {
        const policy = { version: 2, aboutTolerance: 0.1, nearlyTolerance: 0.1 }
        await rm.commit({
          ...batch(4, { factEvents: [{ factId: 'f1', position: 2n, viewed: false }, { factId: 'f2', position: 3n, viewed: true }, { factId: 'f1', position: 4n, viewed: true }] }),
          policy,
          policyHistory: [{ position: 3n, policy }],
          checkpoint: { position: 4n, version: 'v1', rebuilding: true },
        })
        t.strictSame(await rm.getFactEvents('f1', 100n), [{ factId: 'f1', position: 2n, viewed: false }, { factId: 'f1', position: 4n, viewed: true }])
        t.strictSame(await rm.getFactEvents('f1', 3n), [{ factId: 'f1', position: 2n, viewed: false }], 'up to the position asked, inclusive')
        t.strictSame(await rm.getLastFactEvent('f1', 3n), { factId: 'f1', position: 2n, viewed: false })
        t.equal(await rm.getLastFactEvent('f1', 1n), null, 'before its first event')
        t.equal(await rm.getPolicyAt(2n), null, 'before the first adoption: the default')
        t.strictSame(await rm.getPolicyAt(3n), policy)
        t.strictSame(await rm.getCheckpoint(), { position: 4n, version: 'v1', rebuilding: true })
        await rm.reset()
        t.strictSame(await rm.getFactEvents('f1', 100n), [])
        t.equal(await rm.getPolicyAt(100n), null)
        t.equal(await rm.getCheckpoint(), null)
      }))

    t.test('a fact snapshot reads back whole at or after its position; events are counted since the last one; a reset drops them', t =>
      withReadModel(open, async rm => {
        const snapshot = { factId: 'f1', position: 3n, fact: factDoc('f1'), claims: [claimDoc('c1', 'f1', 's1'), claimDoc('c2', 'f1', 's2')], sources: [sourceDoc('s1'), sourceDoc('s2')] }
        const rows = [2n, 3n, 5n, 6n].map(position => ({ factId: 'f1', position, viewed: false }))
        t.equal(await rm.countFactEventsSinceSnapshot('f1'), 0, 'a fact never indexed')
        await rm.commit(batch(6, { factEvents: rows, factSnapshots: [snapshot] }))
        t.equal(await rm.getFactSnapshotAt('f1', 2n), null, 'none before its position')
        t.equal(await rm.getFactSnapshotPosition('f1', 2n), null)
        t.equal(await rm.getFactSnapshotPosition('f1', 100n), 3n)
        t.strictSame(await rm.getFactSnapshotAt('f1', 3n), snapshot)
        t.strictSame(await rm.getFactSnapshotAt('f1', 100n), snapshot, 'the last at or before the position')
        t.equal(await rm.getFactSnapshotAt('f2', 100n), null, 'per fact')
        t.equal(await rm.countFactEventsSinceSnapshot('f1'), 2, 'the rows after the snapshot')
        t.strictSame(await rm.getFactEvents('f1', 100n, 3n), rows.slice(2), 'after a position, exclusive')
        const later = { ...snapshot, position: 6n, claims: [claimDoc('c2', 'f1', 's2')], sources: [sourceDoc('s2')] }
        await rm.commit(batch(7, { factSnapshots: [later] }))
        t.strictSame(await rm.getFactSnapshotAt('f1', 5n), snapshot)
        t.strictSame(await rm.getFactSnapshotAt('f1', 6n), later)
        t.equal(await rm.getFactSnapshotPosition('f1', 5n), 3n)
        t.equal(await rm.countFactEventsSinceSnapshot('f1'), 0)
        await rm.reset()
        t.equal(await rm.getFactSnapshotAt('f1', 100n), null)
      }))

    t.test('the current view as text is what JSON.stringify wrote, byte for byte, and follows the current view', t =>
      withReadModel(open, async rm => {
        if (!rm.getFactViewText) {
          t.comment('this read model has no getFactViewText: readers parse getFactView instead')
          return
        }
        t.equal(await rm.getFactViewText('f1'), null, 'no view yet')
        const view = factView('f1', 5, {
          summary: 'más de 20 <b>sancionados</b> — «Caracas» \u2028 & 1e21 ☃',
          value: { text: '0.1', hedge: 'exact', stated: [0.1, 1e21, 123456789.125], lower: 0.1, upper: 1e21, lowerInclusive: true, upperInclusive: true },
        })
        await rm.commit(batch(5, { views: [view] }))
        const text = await rm.getFactViewText('f1')
        t.equal(text, JSON.stringify(view), 'exactly the JSON of the view')
        t.strictSame(JSON.parse(text!), await rm.getFactView('f1'), 'the same view getFactView returns')
        const later = factView('f1', 7, { display: 'more than 20', status: 'confirmed', origins: 2 })
        await rm.commit(batch(7, { views: [later] }))
        t.equal(await rm.getFactViewText('f1'), JSON.stringify(later), 'the current view, not the first')
        t.equal(await rm.getFactViewText('f2'), null, 'another fact has none')
      }))

    t.test('listFactViews filters by status and by a case-insensitive substring, and pages by fact id', t =>
      withReadModel(open, async rm => {
        const ids = ['f-a', 'f-b', 'f-c', 'f-d', 'f-e']
        await rm.commit(
          batch(20, {
            facts: [factDoc('f-c', { subject: 'Visa restrictions on FAMILY members' })],
            views: ids.map((id, i) => factView(id, 10 + i, i % 2 === 0 ? {} : { status: 'conflicting' })),
          }),
        )
        const pageIds = async (query: Parameters<ReadModelStore['listFactViews']>[0]) => {
          const page = await rm.listFactViews(query)
          return { ids: page.items.map(v => v.factId), next: page.next }
        }
        const first = await pageIds({ limit: 2 })
        t.strictSame(first.ids, ['f-a', 'f-b'])
        const second = await pageIds({ limit: 2, after: first.next! })
        t.strictSame(second.ids, ['f-c', 'f-d'])
        t.strictSame(await pageIds({ limit: 2, after: second.next! }), { ids: ['f-e'], next: null })
        t.strictSame(await pageIds({ limit: 5 }), { ids, next: null }, 'an exact fit has no next page')
        t.strictSame((await pageIds({ status: 'conflicting', limit: 10 })).ids, ['f-b', 'f-d'])
        t.strictSame((await pageIds({ q: 'family', limit: 10 })).ids, ['f-c'], 'subject of the fact')
        t.strictSame((await pageIds({ q: 'HOW MANY FOR F-D', limit: 10 })).ids, ['f-d'], 'question, any case')
        t.strictSame((await pageIds({ q: 'f-e', limit: 10 })).ids, ['f-e'], 'fact id')
        t.strictSame((await pageIds({ q: '%', limit: 10 })).ids, [], 'no wildcard meaning')
        const filtered = await pageIds({ status: 'single-source', limit: 1 })
        t.strictSame(filtered.ids, ['f-a'])
        t.strictSame((await pageIds({ status: 'single-source', limit: 5, after: filtered.next! })).ids, ['f-c', 'f-e'])
      }))

    t.test('listSources pages by source id', t =>
      withReadModel(open, async rm => {
        await rm.commit(batch(3, { sources: ['s3', 's1', 's2'].map(id => sourceDoc(id)) }))
        const first = await rm.listSources({ limit: 2 })
        t.strictSame(first.items.map(s => s.sourceId), ['s1', 's2'])
        const rest = await rm.listSources({ limit: 2, after: first.next! })
        t.strictSame({ ids: rest.items.map(s => s.sourceId), next: rest.next }, { ids: ['s3'], next: null })
      }))

    t.test('listFactIds pages every defined fact by id, with or without a view', t =>
      withReadModel(open, async rm => {
        await rm.commit(batch(3, { facts: ['f3', 'f1', 'f2'].map(id => factDoc(id)), views: [factView('f2', 3)] }))
        const first = await rm.listFactIds({ limit: 2 })
        t.strictSame(first.items, ['f1', 'f2'])
        const rest = await rm.listFactIds({ limit: 2, after: first.next! })
        t.strictSame({ ids: rest.items, next: rest.next }, { ids: ['f3'], next: null })
        await t.rejects(rm.listFactIds({ limit: 0 }))
      }))

    t.test('listFactsToReconcile pages facts by id with their claims and last indexed event', t => withReadModel(open, rm => factsToReconcileCase(t, rm)))
    t.test('getFacts and getClaims read the documents of many ids at once', t => withReadModel(open, rm => docsByIdCase(t, rm)))

    t.test('the policy is kept until a batch brings a new one', t =>
      withReadModel(open, async rm => {
        const policy = { version: 2, aboutTolerance: 0.1, nearlyTolerance: 0.2 }
        await rm.commit(batch(1, { policy }))
        await rm.commit(batch(2))
        t.strictSame(await rm.getPolicy(), policy)
      }))

    t.test('a batch that cannot be written leaves documents and checkpoint as they were', t =>
      withReadModel(open, async rm => {
        await rm.commit(batch(1, { sources: [sourceDoc('s1')] }))
        const broken = factView('f1', 2, { asOf: { position: 'not a position', knownAt: null, validAt: null } })
        let failed = false
        try {
          await rm.commit(batch(2, { sources: [sourceDoc('s2')], facts: [factDoc('f1')], views: [broken] }))
        } catch {
          failed = true
        }
        t.equal(failed, true, 'the commit fails')
        t.strictSame(await rm.getCheckpoint(), { position: 1n, version: 'v1' })
        t.equal(await rm.getSource('s2'), null)
        t.equal(await rm.getFact('f1'), null)
      }))

    t.test('reset drops every document, view, the policy and the checkpoint', t =>
      withReadModel(open, async rm => {
        await rm.commit(
          batch(3, {
            sources: [sourceDoc('s1')],
            facts: [factDoc('f1')],
            claims: [claimDoc('c1', 'f1', 's1')],
            views: [factView('f1', 3)],
            policy: { version: 2, aboutTolerance: 0.1, nearlyTolerance: 0.1 },
          }),
        )
        await rm.reset()
        t.equal(await rm.getCheckpoint(), null)
        t.equal(await rm.getPolicy(), null)
        t.equal(await rm.getSource('s1'), null)
        t.equal(await rm.getClaim('c1'), null)
        t.strictSame(await rm.getFactViewHistory('f1'), [])
        t.strictSame(await rm.listFactViews({ limit: 10 }), { items: [], next: null })
      }))

    t.test('bad page requests are refused', t =>
      withReadModel(open, async rm => {
        await t.rejects(rm.listFactViews({ limit: 0 }))
        await t.rejects(rm.listFactViews({ limit: 1.5 }))
        await t.rejects(rm.listSources({ limit: -1 }))
        await t.rejects(rm.listFactViews({ limit: 10, after: '***' }), 'a cursor it did not issue')
      }))
  })
}
