/**
 * Where the ledger keeps its RFC 6962 Merkle tree and its signed heads
 * (migration 004). The tree is a projection of the events' hashes, kept by
 * src/ledger/tamper/tree-keeper.ts; this port only stores and reads rows, so
 * it knows nothing of hashing.
 */

/** Node (level, index) is the root of leaves [index * 2^level, (index + 1) * 2^level); level 0 is a leaf. */
export interface TreeNodeKey {
  level: number
  index: number
}

export interface TreeNode extends TreeNodeKey {
  hash: Buffer
}

/** A leaf: the event at `position` is the tree's leaf number `index`. */
export interface TreeLeaf {
  index: number
  position: bigint
  hash: Buffer
}

/** How far the stored tree reaches: its leaf count and the position of its last leaf (0n when empty). */
export interface TreeExtent {
  size: number
  position: bigint
}

/** A signed tree head as stored. Hashes and signature hex; signedAt ISO 8601. */
export interface StoredTreeHead {
  treeSize: number
  rootHash: string
  position: bigint
  signedAt: string
  keyId: string
  signature: string
}

/** The last head the full verification confirmed. */
export interface VerifiedHead {
  treeSize: number
  rootHash: string
  position: bigint
  verifiedAt: string
}

export type SaveHeadResult = { saved: true } | { saved: false; existing: StoredTreeHead }

export interface MerkleTreeStore {
  extent(): Promise<TreeExtent>
  /** The stored hashes of these nodes, in the same order; undefined where a node is not stored. */
  hashes(keys: readonly TreeNodeKey[]): Promise<Array<Buffer | undefined>>
  /** The leaf index of the event at `position`, or null when the tree does not hold it. */
  leafIndexOf(position: bigint): Promise<number | null>
  /** Store leaves and the interior nodes they complete in one transaction; rows already stored are kept. */
  extend(leaves: readonly TreeLeaf[], nodes: readonly TreeNode[]): Promise<void>
  /** Store a head unless one for its size exists (then that one is returned, untouched). */
  saveHead(head: StoredTreeHead): Promise<SaveHeadResult>
  latestHead(): Promise<StoredTreeHead | null>
  /** Heads with treeSize > afterSize, smallest first. */
  listHeads(afterSize: number, limit: number): Promise<StoredTreeHead[]>
  verifiedHead(): Promise<VerifiedHead | null>
  saveVerifiedHead(head: VerifiedHead): Promise<void>
}
