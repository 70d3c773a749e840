import { join } from 'node:path'
import fc from 'fast-check'
import t, { type Test } from 'tap'
import type { RecordedEvent } from '../../events/envelope.js'
import { ledgerHead } from '../../src/ledger/tamper/ledger-head.js'
import { createLedgerTree, type LedgerTree } from '../../src/ledger/tamper/ledger-tree.js'
import { consistencyProof, eventLeaf, inclusionProof, verifyConsistency, verifyInclusion } from '../../src/ledger/tamper/merkle.js'
import type { MerkleTreeStore } from '../../src/store/merkle-tree-port.js'
import type { EventStore } from '../../src/store/port.js'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { createMemoryMerkleTreeStore } from '../helpers/memory-merkle-tree-store.js'
import { createMemoryEventStore } from '../helpers/memory-store.js'
import { assertProperty } from '../helpers/property.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'
import { claimEvent, collect } from './ledger-fixture.js'

const hex = (s: string): Buffer => Buffer.from(s, 'hex')
const STREAMS = ['source-a', 'fact-b', 'claim-c']

/** Appends `chunks` (event counts) one after another, catching the stored tree up after those marked. */
async function grow(store: EventStore, tree: LedgerTree, chunks: ReadonlyArray<{ events: number; catchUp: boolean }>): Promise<RecordedEvent[]> {
  let n = 0
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.events; i++) {
      const result = await store.append(STREAMS[n % 3]!, [claimEvent(n)], { expectedRevision: 'any' })
      if (!result.ok) throw new Error('append failed')
      n++
    }
    if (chunk.catchUp) await tree.catchUp()
  }
  return collect(store.readAll())
}

const Chunks = fc.array(fc.record({ events: fc.integer({ min: 1, max: 9 }), catchUp: fc.boolean() }), { minLength: 1, maxLength: 8 })

t.test('property: an inclusion proof from the stored tree is RFC 6962 PATH for any leaf and tree size, and verifies', async (t) => {
  await assertProperty(
    t,
    fc.asyncProperty(Chunks, fc.nat(), fc.nat(), async (chunks, a, b) => {
      const store = createMemoryEventStore()
      const tree = createLedgerTree(store, createMemoryMerkleTreeStore())
      const events = await grow(store, tree, chunks)
      const leaves = events.map(eventLeaf)
      const size = 1 + (a % leaves.length)
      const index = b % size
      const result = await tree.inclusion(events[index]!.position, { treeSize: size })
      if (!result.ok) return false
      const expected = inclusionProof(leaves.slice(0, size), index).map((h) => h.toString('hex'))
      return result.leafIndex === index && JSON.stringify(result.proof) === JSON.stringify(expected) &&
        verifyInclusion(hex(result.leafHash), index, size, result.proof.map(hex), hex(result.rootHash))
    }),
    { numRuns: 150 },
  )
})

t.test('property: a consistency proof from the stored tree is RFC 6962 PROOF for any two sizes, and verifies', async (t) => {
  await assertProperty(
    t,
    fc.asyncProperty(Chunks, fc.nat(), fc.nat(), async (chunks, a, b) => {
      const store = createMemoryEventStore()
      const tree = createLedgerTree(store, createMemoryMerkleTreeStore())
      const events = await grow(store, tree, chunks)
      const leaves = events.map(eventLeaf)
      const to = a % (leaves.length + 1)
      const from = b % (to + 1)
      const result = await tree.consistency(from, to)
      if (!result.ok) return false
      const [fromHead, toHead] = [await rootOf(leaves.slice(0, from)), await rootOf(leaves.slice(0, to))]
      const expected = consistencyProof(leaves.slice(0, to), from).map((h) => h.toString('hex'))
      return result.fromRoot === fromHead && result.toRoot === toHead && JSON.stringify(result.proof) === JSON.stringify(expected) &&
        verifyConsistency(from, to, hex(result.fromRoot), hex(result.toRoot), result.proof.map(hex))
    }),
    { numRuns: 150 },
  )
})

/** Reference root: the whole-log recomputation over these leaves. */
async function rootOf(leaves: Buffer[]): Promise<string> {
  const store = createMemoryEventStore()
  for (const [i, leaf] of leaves.entries()) store.storage.events.push({ ...fakeEvent(i), hash: leaf.toString('hex') })
  return (await ledgerHead(store)).rootHash
}
function fakeEvent(i: number): RecordedEvent {
  return { ...claimEvent(i), stream: 'x', revision: BigInt(i), position: BigInt(i + 1), hash: '', prevHash: null }
}

async function checkBackend(t: Test, store: EventStore, treeStore: MerkleTreeStore): Promise<void> {
  const tree = createLedgerTree(store, treeStore)
  const events = await grow(store, tree, [{ events: 11, catchUp: true }, { events: 1, catchUp: false }, { events: 25, catchUp: true }, { events: 3, catchUp: false }])
  const head = await tree.head()
  t.strictSame(head, await ledgerHead(store), 'the stored head is the full recomputation')
  let failed = 0
  for (const [i, event] of events.entries()) {
    const proof = await tree.inclusion(event.position)
    if (!(proof.ok && verifyInclusion(hex(proof.leafHash), i, 40, proof.proof.map(hex), hex(head.rootHash)))) failed++
  }
  t.equal(failed, 0, 'all 40 inclusion proofs verify against the head')
  const consistency = await tree.consistency(13, 40)
  t.ok(consistency.ok && verifyConsistency(13, 40, hex(consistency.fromRoot), hex(head.rootHash), consistency.proof.map(hex)), 'consistency 13 -> 40')
  t.strictSame(await treeStore.extent(), { size: 40, position: events.at(-1)!.position }, 'the stored extent')
}

t.test('the stored tree on SQLite', async (t) => {
  const backend = await openSqliteBackend({ path: join(t.testdir(), 'ledger.db') })
  t.teardown(() => backend.close())
  await checkBackend(t, backend.store, backend.treeStore)
})

t.test('the stored tree on PostgreSQL', async (t) => {
  const db = await freshPostgresDatabase(t, 'stored_tree')
  const backend = await openPostgresBackend({ connectionString: db.connectionString })
  t.teardown(() => backend.close())
  await checkBackend(t, backend.store, backend.treeStore)
})
