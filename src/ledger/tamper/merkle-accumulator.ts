import { EMPTY_ROOT, hashChildren, hashLeaf } from './merkle-hash.js'

/**
 * An append-only Merkle tree that keeps only its right edge (the "frontier"):
 * one perfect subtree per set bit of the leaf count, so at most ~log2(n)
 * hashes however long the log grows. `root()` folds the frontier from the
 * right, which is exactly RFC 6962's MTH: split at the largest power of two,
 * the left part is a perfect subtree, recurse on the rest.
 */
export interface MerkleAccumulator {
  /** Appends leaf data (hashed as SHA-256(0x00 || leaf)). */
  append(leaf: Buffer): void
  /** Appends an already computed leaf hash. */
  appendLeafHash(leafHash: Buffer): void
  /** Number of leaves appended. */
  size(): number
  /** MTH of the leaves appended so far. */
  root(): Buffer
}

export function createMerkleAccumulator(): MerkleAccumulator {
  // frontier[level] is the root of a perfect subtree of 2^level leaves, present
  // exactly when bit `level` of `count` is set.
  const frontier: (Buffer | undefined)[] = []
  let count = 0

  function appendLeafHash(leafHash: Buffer): void {
    let carry = leafHash
    let level = 0
    // Adding one to `count` in binary: every trailing 1 bit merges with the carry.
    for (let n = count; n % 2 === 1; n = Math.floor(n / 2)) {
      carry = hashChildren(frontier[level]!, carry)
      frontier[level] = undefined
      level++
    }
    frontier[level] = carry
    count++
  }

  return {
    append: (leaf) => appendLeafHash(hashLeaf(leaf)),
    appendLeafHash,
    size: () => count,
    root() {
      let root: Buffer | undefined
      for (const node of frontier) {
        if (node === undefined) continue
        root = root === undefined ? node : hashChildren(node, root)
      }
      return root ?? EMPTY_ROOT
    },
  }
}
