import t from 'tap'
import type { RecordedEvent } from '../../events/envelope.js'
import { verifyLedger } from '../../src/ledger/tamper/verify-ledger.js'
import { eventLeaf, treeHead } from '../../src/ledger/tamper/merkle.js'
import { hashEvent } from '../../src/store/hash-chain.js'
import { createMemoryEventStore, type MemoryEventStore } from '../helpers/memory-store.js'
import { appendPlan, THREE_STREAMS } from './ledger-fixture.js'

// Global order of THREE_STREAMS (storage index = position - 1):
//   1 source-a@0  2 source-a@1  3 fact-b@0  4 claim-c@0  5 claim-c@1
//   6 source-a@2  7 fact-b@1    8 fact-b@2  9 claim-c@2
async function seeded(): Promise<{ store: MemoryEventStore; events: RecordedEvent[] }> {
  const store = createMemoryEventStore()
  const events = await appendPlan(store, THREE_STREAMS)
  return { store, events }
}

const rehash = (e: RecordedEvent): string =>
  hashEvent({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }, e.stream, e.revision, e.prevHash)

const bad = (e: RecordedEvent) => ({ position: e.position, eventId: e.id, stream: e.stream, revision: e.revision })

t.test('an untouched ledger verifies, with counts and the Merkle head over every event', async (t) => {
  const { store, events } = await seeded()
  const head = treeHead(events.map(eventLeaf))
  t.strictSame(await verifyLedger(store), {
    ok: true,
    events: 9,
    streams: 3,
    head: { size: 9, rootHash: head.rootHash.toString('hex'), position: 9n },
    heads: [],
  })
})

t.test('verifyLedger reports the heads at the sizes asked for, to compare with heads signed earlier', async (t) => {
  const { store, events } = await seeded()
  const at = (n: number) => ({ size: n, rootHash: treeHead(events.slice(0, n).map(eventLeaf)).rootHash.toString('hex'), position: BigInt(n) })
  const result = await verifyLedger(store, { headsAt: [0, 4, 9, 12] })
  t.strictSame(result.ok && result.heads, [at(0), at(4), at(9)], 'a size beyond the log is not reported')
})

t.test('an empty ledger verifies with the empty-tree head', async (t) => {
  t.strictSame(await verifyLedger(createMemoryEventStore()), {
    ok: true,
    events: 0,
    streams: 0,
    head: { size: 0, rootHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', position: 0n },
    heads: [],
  })
})

t.test('edited data is a hash-mismatch at that event', async (t) => {
  const { store, events } = await seeded()
  const target = store.storage.events[4]!
  target.data = { quote: 'Treasury sanctioned 15 officials', value: 15 }
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[4]!), problem: 'hash-mismatch', expected: rehash(target), actual: events[4]!.hash },
    checked: 4,
  })
})

t.test('edited metadata (who recorded it) is a hash-mismatch at that event', async (t) => {
  const { store, events } = await seeded()
  const target = store.storage.events[0]!
  target.metadata = { ...target.metadata, actor: 'someone-else@example.org' }
  const result = await verifyLedger(store)
  t.strictSame(result, {
    ok: false,
    firstBad: { ...bad(events[0]!), problem: 'hash-mismatch', expected: rehash(target), actual: events[0]!.hash },
    checked: 0,
  })
})

t.test('edited data with a recomputed hash breaks the link of the next event in its stream', async (t) => {
  const { store, events } = await seeded()
  const target = store.storage.events[1]! // source-a@1; its successor is source-a@2 at position 6
  target.data = { quote: 'Treasury sanctioned 15 officials', value: 15 }
  target.hash = rehash(target)
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[5]!), problem: 'broken-link', expected: target.hash, actual: events[1]!.hash },
    checked: 5,
  })
})

t.test('a replaced prevHash is a broken-link at that event', async (t) => {
  const { store, events } = await seeded()
  store.storage.events[6]!.prevHash = 'ab'.repeat(32) // fact-b@1
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[6]!), problem: 'broken-link', expected: events[2]!.hash, actual: 'ab'.repeat(32) },
    checked: 6,
  })
})

t.test('a prevHash on the first event of a stream is a broken-link expecting null', async (t) => {
  const { store, events } = await seeded()
  store.storage.events[2]!.prevHash = events[1]!.hash // fact-b@0 pretends to follow source-a@1
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[2]!), problem: 'broken-link', expected: null, actual: events[1]!.hash },
    checked: 2,
  })
})

t.test('swapped positions are a position-order fault at the event that goes backwards', async (t) => {
  const { store, events } = await seeded()
  const [p3, p7] = [store.storage.events[2]!, store.storage.events[6]!]
  ;[p3.position, p7.position] = [p7.position, p3.position]
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[3]!), problem: 'position-order', expected: '> 7', actual: '4' },
    checked: 3,
  })
})

t.test('two events of one stream read in swapped order are a revision-gap', async (t) => {
  const { store, events } = await seeded()
  // As a database ordering by position shows rows whose positions were swapped.
  const log = store.storage.events
  ;[log[6], log[7]] = [log[7]!, log[6]!]
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[7]!), problem: 'revision-gap', expected: '1', actual: '2' },
    checked: 6,
  })
})

t.test('a deleted event is a revision-gap at the next event of its stream', async (t) => {
  const { store, events } = await seeded()
  store.storage.events.splice(3, 1) // claim-c@0 (position 4); next in claim-c is claim-c@1 (position 5)
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[4]!), problem: 'revision-gap', expected: '0', actual: '1' },
    checked: 3,
  })
})

t.test('a duplicated event is a position-order fault at the copy', async (t) => {
  const { store, events } = await seeded()
  store.storage.events.splice(5, 0, structuredClone(store.storage.events[4]!))
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[4]!), problem: 'position-order', expected: '> 5', actual: '5' },
    checked: 5,
  })
})

t.test('with several tampered events the first in global order is named', async (t) => {
  const { store, events } = await seeded()
  store.storage.events[8]!.data = { value: 0 }
  store.storage.events[7]!.prevHash = null
  store.storage.events[3]!.type = 'ClaimRetracted'
  const result = await verifyLedger(store)
  t.equal(result.ok, false)
  t.strictSame(!result.ok && result.firstBad.position, events[3]!.position)
  t.strictSame(!result.ok && result.firstBad.problem, 'hash-mismatch')
})

t.test('a stored event that cannot be canonicalized is a hash-mismatch expecting no hash', async (t) => {
  const { store, events } = await seeded()
  store.storage.events[1]!.data = { value: 10n } // no JSON for a bigint: hashEvent throws
  t.strictSame(await verifyLedger(store), {
    ok: false,
    firstBad: { ...bad(events[1]!), problem: 'hash-mismatch', expected: null, actual: events[1]!.hash },
    checked: 1,
  })
})

t.test('onProgress reports every 1,000 events and the total at the end', async (t) => {
  const store = createMemoryEventStore()
  await appendPlan(store, [
    ['claim-x', 1500],
    ['claim-y', 1000],
  ])
  const seen: number[] = []
  const result = await verifyLedger(store, { onProgress: (n) => seen.push(n) })
  t.strictSame(seen, [1000, 2000, 2500])
  t.equal(result.ok && result.events, 2500)
})
