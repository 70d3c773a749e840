import type { MerkleTreeStore, StoredTreeHead, TreeLeaf, VerifiedHead } from '../../src/store/merkle-tree-port.js'

/** Test-only: the Merkle tree store port in memory. */
export function createMemoryMerkleTreeStore(): MerkleTreeStore {
  const leaves = new Map<number, TreeLeaf>()
  const byPosition = new Map<bigint, number>()
  const nodes = new Map<string, Buffer>()
  const heads = new Map<number, StoredTreeHead>()
  let verified: VerifiedHead | null = null
  return {
    async extent() {
      const last = leaves.get(leaves.size - 1)
      return last ? { size: leaves.size, position: last.position } : { size: 0, position: 0n }
    },
    async hashes(keys) {
      return keys.map((k) => (k.level === 0 ? leaves.get(k.index)?.hash : nodes.get(`${k.level}:${k.index}`)))
    },
    leafIndexOf: async (position) => byPosition.get(position) ?? null,
    async extend(newLeaves, newNodes) {
      for (const leaf of newLeaves) {
        if (leaves.has(leaf.index)) continue
        leaves.set(leaf.index, leaf)
        byPosition.set(leaf.position, leaf.index)
      }
      for (const node of newNodes) if (!nodes.has(`${node.level}:${node.index}`)) nodes.set(`${node.level}:${node.index}`, node.hash)
    },
    async saveHead(head) {
      const existing = heads.get(head.treeSize)
      if (existing) return { saved: false, existing }
      heads.set(head.treeSize, head)
      return { saved: true }
    },
    async latestHead() {
      const sizes = [...heads.keys()].sort((a, b) => b - a)
      return sizes.length > 0 ? heads.get(sizes[0]!)! : null
    },
    async listHeads(afterSize, limit) {
      return [...heads.values()].filter((h) => h.treeSize > afterSize).sort((a, b) => a.treeSize - b.treeSize).slice(0, limit)
    },
    verifiedHead: async () => verified,
    async saveVerifiedHead(head) {
      verified = head
    },
  }
}
