import type { EventStore } from '../../store/port.js'
import type { MerkleTreeStore, TreeNodeKey } from '../../store/merkle-tree-port.js'
import type { LedgerHead } from './ledger-head.js'
import { EMPTY_ROOT } from './merkle-hash.js'
import { consistencyRanges, inclusionRanges, type LeafRange } from './merkle-ranges.js'
import type { ProofError } from './proof-errors.js'
import { createTreeKeeper, type TreeKeeper } from './tree-keeper.js'
import { foldRange, rangeNodes } from './tree-keys.js'

/**
 * `GET /ledger/proof/:position`: the RFC 6962 audit path showing that the
 * event at `position` is leaf `leafIndex` of the tree of `treeSize` events
 * with root `rootHash`. A client checks it with verifyInclusion(leafHash,
 * leafIndex, treeSize, proof, rootHash), where leafHash is
 * SHA-256(0x00 || the event's hash as bytes) — so it needs only the event.
 * Hashes are hex.
 */
export type InclusionProofResult =
  | { ok: true; position: bigint; leafIndex: number; treeSize: number; leafHash: string; rootHash: string; proof: string[] }
  | { ok: false; error: ProofError }

/**
 * The RFC 6962 consistency proof between the heads of `fromSize` and
 * `toSize` events: the later log is the earlier one with events appended.
 * A client that kept the old root checks it with verifyConsistency(fromSize,
 * toSize, fromRoot, toRoot, proof) against its own copy of fromRoot.
 */
export type ConsistencyProofResult =
  | { ok: true; fromSize: number; toSize: number; fromRoot: string; toRoot: string; proof: string[] }
  | { ok: false; error: ProofError }

export interface LedgerTree extends TreeKeeper {
  /** The head over everything committed (after catching up). */
  head(): Promise<LedgerHead>
  /** MTH of the first `size` leaves of the stored tree (size <= its extent). */
  rootAt(size: number): Promise<Buffer>
  inclusion(position: bigint, options?: { treeSize?: number }): Promise<InclusionProofResult>
  consistency(fromSize: number, toSize: number): Promise<ConsistencyProofResult>
}

const hex = (b: Buffer): string => b.toString('hex')

/**
 * Heads and proofs from the stored tree: each one catches the tree up (one
 * read of the log's tail, usually empty) and then reads O(log n) nodes in one
 * batch: every run of leaves a proof names is at most log2(n) + 1 stored
 * subtree roots (tree-keys.ts).
 */
export function createLedgerTree(store: EventStore, tree: MerkleTreeStore): LedgerTree {
  const keeper = createTreeKeeper(store, tree)

  /** The MTH of each run, reading all their nodes in one batch. */
  async function hashRuns(runs: readonly LeafRange[]): Promise<Buffer[]> {
    const perRun = runs.map((run) => rangeNodes(run))
    const keys: TreeNodeKey[] = perRun.flat()
    const hashes = await tree.hashes(keys)
    let at = 0
    return perRun.map((runKeys) => {
      const slice = hashes.slice(at, at + runKeys.length)
      at += runKeys.length
      slice.forEach((h, i) => {
        if (h === undefined) throw new Error(`the stored Merkle tree lacks node ${runKeys[i]!.level}/${runKeys[i]!.index}`)
      })
      return foldRange(slice as Buffer[])
    })
  }

  const rootRun = (size: number): LeafRange[] => (size === 0 ? [] : [{ start: 0, end: size }])
  const rootOf = (hashes: Buffer[], size: number): Buffer => (size === 0 ? EMPTY_ROOT : hashes[0]!)

  return {
    catchUp: keeper.catchUp,
    folded: keeper.folded,

    async head() {
      const extent = await keeper.catchUp()
      const root = rootOf(await hashRuns(rootRun(extent.size)), extent.size)
      return { size: extent.size, rootHash: hex(root), position: extent.position }
    },

    async rootAt(size) {
      return rootOf(await hashRuns(rootRun(size)), size)
    },

    async inclusion(position, options = {}) {
      // The catch-up and the leaf lookup go to the store together (on PostgreSQL,
      // two round trips at once instead of one after the other); only an event
      // the tree had not folded yet needs its leaf looked up again afterwards.
      const [extent, found] = await Promise.all([keeper.catchUp(), tree.leafIndexOf(position)])
      const leafIndex = found ?? (await tree.leafIndexOf(position))
      if (leafIndex === null) return { ok: false, error: { code: 'PositionNotFound', position } }
      const treeSize = options.treeSize ?? extent.size
      if (!Number.isSafeInteger(treeSize) || treeSize <= leafIndex || treeSize > extent.size) {
        return { ok: false, error: { code: 'TreeSizeOutOfRange', treeSize, size: extent.size } }
      }
      const path = inclusionRanges(leafIndex, treeSize)
      const [leafHash, root, ...proof] = await hashRuns([{ start: leafIndex, end: leafIndex + 1 }, { start: 0, end: treeSize }, ...path])
      return { ok: true, position, leafIndex, treeSize, leafHash: hex(leafHash!), rootHash: hex(root!), proof: proof.map(hex) }
    },

    async consistency(fromSize, toSize) {
      const valid = Number.isSafeInteger(fromSize) && Number.isSafeInteger(toSize) && fromSize >= 0 && fromSize <= toSize
      if (!valid) return { ok: false, error: { code: 'InvalidTreeSizes', fromSize, toSize } }
      const runs = [...rootRun(fromSize), ...rootRun(toSize), ...consistencyRanges(fromSize, toSize)]
      // Nodes inside what this process already folded are stored: read them while catching up.
      const stored = (keeper.folded()?.size ?? 0) >= toSize
      const [extent, early] = await Promise.all([keeper.catchUp(), stored ? hashRuns(runs) : null])
      if (toSize > extent.size) return { ok: false, error: { code: 'TreeSizeOutOfRange', treeSize: toSize, size: extent.size } }
      const hashes = early ?? (await hashRuns(runs))
      const fromRoot = fromSize === 0 ? EMPTY_ROOT : hashes.shift()!
      const toRoot = toSize === 0 ? EMPTY_ROOT : hashes.shift()!
      return { ok: true, fromSize, toSize, fromRoot: hex(fromRoot), toRoot: hex(toRoot), proof: hashes.map(hex) }
    },
  }
}
