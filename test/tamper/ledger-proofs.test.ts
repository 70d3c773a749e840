import t from 'tap'
import { ledgerHead, type LedgerHead } from '../../src/ledger/tamper/ledger-head.js'
import { createLedgerTree } from '../../src/ledger/tamper/ledger-tree.js'
import { EMPTY_ROOT, eventLeaf, hashLeaf, treeHead, verifyConsistency, verifyInclusion } from '../../src/ledger/tamper/merkle.js'
import type { EventStore } from '../../src/store/port.js'
import { verifyLedger } from '../../src/ledger/tamper/verify-ledger.js'
import { hashEvent } from '../../src/store/hash-chain.js'
import { createMemoryMerkleTreeStore } from '../helpers/memory-merkle-tree-store.js'
import { createMemoryEventStore } from '../helpers/memory-store.js'
import { appendPlan, claimEvent, collect, THREE_STREAMS } from './ledger-fixture.js'

const hex = (s: string): Buffer => Buffer.from(s, 'hex')
const storedTree = (store: EventStore) => createLedgerTree(store, createMemoryMerkleTreeStore())

/** A ledger grown one event at a time (13 events over 3 streams), with the head after each append. */
async function grown() {
  const store = createMemoryEventStore()
  const tree = storedTree(store)
  const heads: LedgerHead[] = [await ledgerHead(store)]
  for (let n = 0; n < 13; n++) {
    const result = await store.append(['source-a', 'fact-b', 'claim-c'][n % 3]!, [claimEvent(n)], { expectedRevision: 'any' })
    if (!result.ok) throw new Error('append failed')
    heads.push(await ledgerHead(store))
    // The stored tree is caught up after some appends and not others, as a server would.
    if (n % 4 === 1) await tree.catchUp()
  }
  return { store, tree, heads, events: await collect(store.readAll()) }
}

t.test('ledgerHead is the RFC 6962 root over the event hashes in global order', async (t) => {
  const store = createMemoryEventStore()
  t.strictSame(await ledgerHead(store), { size: 0, rootHash: EMPTY_ROOT.toString('hex'), position: 0n })
  const events = await appendPlan(store, THREE_STREAMS)
  t.strictSame(await ledgerHead(store), {
    size: 9,
    rootHash: treeHead(events.map((e) => Buffer.from(e.hash, 'hex'))).rootHash.toString('hex'),
    position: 9n,
  })
})

t.test('the stored tree catches up with new events and its head agrees with a full recomputation', async (t) => {
  const store = createMemoryEventStore()
  const tracker = storedTree(store)
  t.strictSame(await tracker.head(), await ledgerHead(store), 'empty')
  await appendPlan(store, THREE_STREAMS)
  t.strictSame(await tracker.head(), await ledgerHead(store), 'after 9 events')
  const [a, b] = await Promise.all([tracker.head(), tracker.head()])
  t.strictSame([a, b], [await ledgerHead(store), await ledgerHead(store)], 'concurrent calls do not count events twice')
  await store.append('fact-b', [claimEvent(99)], { expectedRevision: 'any' })
  t.strictSame(await tracker.head(), await ledgerHead(store), 'after 10 events')
  await store.append('fact-b', [claimEvent(100), claimEvent(101)], { expectedRevision: 'any' })
  const head = await tracker.head()
  t.equal(head.size, 12)
  t.strictSame(head, await ledgerHead(store), 'after 12 events')
})

t.test('every event has an inclusion proof that verifies against the current head', async (t) => {
  const { tree, heads, events } = await grown()
  const head = heads.at(-1)!
  for (const [i, event] of events.entries()) {
    const result = await tree.inclusion(event.position)
    if (!result.ok) throw new Error(`no proof for ${event.position}`)
    t.strictSame(
      { ...result, proof: [] },
      { ok: true, position: event.position, leafIndex: i, treeSize: 13, leafHash: hashLeaf(eventLeaf(event)).toString('hex'), rootHash: head.rootHash, proof: [] },
    )
    t.equal(verifyInclusion(hex(result.leafHash), i, 13, result.proof.map(hex), hex(head.rootHash)), true, `position ${event.position}`)
  }
})

t.test('an inclusion proof for an older head verifies against the root that head published', async (t) => {
  const { tree, heads, events } = await grown()
  const unverified: string[] = []
  for (let size = 1; size <= 13; size++) {
    for (let i = 0; i < size; i++) {
      const result = await tree.inclusion(events[i]!.position, { treeSize: size })
      const ok = result.ok && result.rootHash === heads[size]!.rootHash &&
        verifyInclusion(hex(result.leafHash), i, size, result.proof.map(hex), hex(heads[size]!.rootHash))
      if (!ok) unverified.push(`leaf ${i} in tree ${size}`)
    }
  }
  t.same(unverified, [], 'all 91 proofs verify')
})

t.test('an inclusion proof does not verify for another event', async (t) => {
  const { tree, heads, events } = await grown()
  const result = await tree.inclusion(events[4]!.position)
  if (!result.ok) throw new Error('no proof')
  const other = hashLeaf(eventLeaf(events[5]!))
  t.equal(verifyInclusion(other, 4, 13, result.proof.map(hex), hex(heads[13]!.rootHash)), false)
})

t.test('proveInclusion names positions that do not exist and tree sizes that cannot hold the leaf', async (t) => {
  const { tree, events } = await grown()
  t.strictSame(await tree.inclusion(0n), { ok: false, error: { code: 'PositionNotFound', position: 0n } })
  t.strictSame(await tree.inclusion(14n), { ok: false, error: { code: 'PositionNotFound', position: 14n } })
  t.strictSame(await storedTree(createMemoryEventStore()).inclusion(1n), { ok: false, error: { code: 'PositionNotFound', position: 1n } })
  const p5 = events[5]!.position
  t.strictSame(await tree.inclusion(p5, { treeSize: 5 }), { ok: false, error: { code: 'TreeSizeOutOfRange', treeSize: 5, size: 13 } }, 'leaf 5 is not in a tree of 5')
  t.strictSame(await tree.inclusion(p5, { treeSize: 14 }), { ok: false, error: { code: 'TreeSizeOutOfRange', treeSize: 14, size: 13 } }, 'beyond the log')
  t.strictSame(await tree.inclusion(p5, { treeSize: 6.5 }), { ok: false, error: { code: 'TreeSizeOutOfRange', treeSize: 6.5, size: 13 } }, 'not an integer')
})

t.test('consistency proofs between every pair of heads verify against the roots published then', async (t) => {
  const { tree, heads } = await grown()
  let checked = 0
  for (let n = 0; n <= 13; n++) {
    for (let m = 0; m <= n; m++) {
      const result = await tree.consistency(m, n)
      if (!result.ok) throw new Error(`no proof ${m} -> ${n}`)
      const ok = result.fromRoot === heads[m]!.rootHash && result.toRoot === heads[n]!.rootHash &&
        verifyConsistency(m, n, hex(heads[m]!.rootHash), hex(heads[n]!.rootHash), result.proof.map(hex))
      if (!ok) t.fail(`${m} -> ${n}`)
      checked++
    }
  }
  t.equal(checked, 105)
})

t.test('proveConsistency refuses sizes that are not a growing pair inside the log', async (t) => {
  const { tree } = await grown()
  t.strictSame(await tree.consistency(5, 4), { ok: false, error: { code: 'InvalidTreeSizes', fromSize: 5, toSize: 4 } })
  t.strictSame(await tree.consistency(-1, 4), { ok: false, error: { code: 'InvalidTreeSizes', fromSize: -1, toSize: 4 } })
  t.strictSame(await tree.consistency(1, 2.5), { ok: false, error: { code: 'InvalidTreeSizes', fromSize: 1, toSize: 2.5 } })
  t.strictSame(await tree.consistency(3, 14), { ok: false, error: { code: 'TreeSizeOutOfRange', treeSize: 14, size: 13 } })
})

t.test('a history rewrite that keeps every chain intact is caught by the head published before it', async (t) => {
  const { store, heads } = await grown()
  const published = heads[8]!
  // Rewrite fact-b@1 (position 5) and re-chain the rest of fact-b, as an attacker with write access would.
  const log = store.storage.events
  let prevHash: string | null = log[1]!.hash
  for (const e of log.filter((e) => e.stream === 'fact-b' && e.revision >= 1n)) {
    if (e.revision === 1n) e.data = { quote: 'Treasury sanctioned 15 officials', value: 15 }
    e.prevHash = prevHash
    e.hash = hashEvent({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }, e.stream, e.revision, e.prevHash)
    prevHash = e.hash
  }
  t.equal((await verifyLedger(store)).ok, true, 'every chain recomputes')
  const result = await storedTree(store).consistency(8, 13)
  if (!result.ok) throw new Error('no proof')
  t.not(result.fromRoot, published.rootHash, 'the log now has a different root at size 8')
  t.equal(verifyConsistency(8, 13, hex(published.rootHash), hex(result.toRoot), result.proof.map(hex)), false, 'the new head does not extend the published one')
})

t.test('with gaps in the positions the leaf index is the event ordinal, not its position', async (t) => {
  const store = createMemoryEventStore()
  await appendPlan(store, THREE_STREAMS)
  for (const e of store.storage.events) e.position *= 10n // a backend whose sequence skips numbers
  const verified = await verifyLedger(store)
  t.strictSame(verified.ok && verified.head.position, 90n, 'gaps are not tampering')
  const tree = storedTree(store)
  const result = await tree.inclusion(40n)
  t.strictSame(result.ok && [result.leafIndex, result.treeSize], [3, 9])
  t.strictSame(await tree.inclusion(4n), { ok: false, error: { code: 'PositionNotFound', position: 4n } })
})
