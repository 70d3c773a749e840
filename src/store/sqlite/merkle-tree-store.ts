import type { MerkleTreeStore, StoredTreeHead, TreeNodeKey, VerifiedHead } from '../merkle-tree-port.js'
import type { SqliteDatabase } from './open-database.js'

interface HeadRow {
  tree_size: bigint
  root_hash: string
  position: bigint
  signed_at: string
  key_id: string
  signature: string
}

const toHead = (r: HeadRow): StoredTreeHead => ({
  treeSize: Number(r.tree_size),
  rootHash: r.root_hash,
  position: r.position,
  signedAt: r.signed_at,
  keyId: r.key_id,
  signature: r.signature,
})

/** The stored Merkle tree and signed heads in the ledger file (migration 004), on the store's connection. */
export function createSqliteMerkleTreeStore(db: SqliteDatabase): MerkleTreeStore {
  const lastLeaf = db.prepare('SELECT leaf_index, position FROM merkle_leaves ORDER BY leaf_index DESC LIMIT 1').safeIntegers()
  const leafHash = db.prepare('SELECT hash FROM merkle_leaves WHERE leaf_index = ?').pluck()
  const nodeHash = db.prepare('SELECT hash FROM merkle_nodes WHERE level = ? AND node_index = ?').pluck()
  const leafIndex = db.prepare('SELECT leaf_index FROM merkle_leaves WHERE position = ?').pluck().safeIntegers()
  const putLeaf = db.prepare('INSERT OR IGNORE INTO merkle_leaves (leaf_index, position, hash) VALUES (?, ?, ?)')
  const putNode = db.prepare('INSERT OR IGNORE INTO merkle_nodes (level, node_index, hash) VALUES (?, ?, ?)')
  const headColumns = 'tree_size, root_hash, position, signed_at, key_id, signature'
  const putHead = db.prepare(`INSERT OR IGNORE INTO signed_tree_heads (${headColumns}) VALUES (?, ?, ?, ?, ?, ?)`)
  const headAt = db.prepare(`SELECT ${headColumns} FROM signed_tree_heads WHERE tree_size = ?`).safeIntegers()
  const latest = db.prepare(`SELECT ${headColumns} FROM signed_tree_heads ORDER BY tree_size DESC LIMIT 1`).safeIntegers()
  const list = db.prepare(`SELECT ${headColumns} FROM signed_tree_heads WHERE tree_size > ? ORDER BY tree_size LIMIT ?`).safeIntegers()
  const verified = db.prepare('SELECT tree_size, root_hash, position, verified_at FROM verified_tree_head WHERE id = 1').safeIntegers()
  const putVerified = db.prepare('INSERT OR REPLACE INTO verified_tree_head (id, tree_size, root_hash, position, verified_at) VALUES (1, ?, ?, ?, ?)')

  const extend = db.transaction((leaves: Parameters<MerkleTreeStore['extend']>[0], nodes: Parameters<MerkleTreeStore['extend']>[1]) => {
    for (const leaf of leaves) putLeaf.run(leaf.index, leaf.position, leaf.hash)
    for (const node of nodes) putNode.run(node.level, node.index, node.hash)
  })
  const saveHead = db.transaction((head: StoredTreeHead) => {
    const inserted = putHead.run(head.treeSize, head.rootHash, head.position, head.signedAt, head.keyId, head.signature).changes === 1
    return inserted ? ({ saved: true } as const) : ({ saved: false, existing: toHead(headAt.get(head.treeSize) as HeadRow) } as const)
  })

  return {
    async extent() {
      const row = lastLeaf.get() as { leaf_index: bigint; position: bigint } | undefined
      return row ? { size: Number(row.leaf_index) + 1, position: row.position } : { size: 0, position: 0n }
    },
    async hashes(keys: readonly TreeNodeKey[]) {
      return keys.map((k) => (k.level === 0 ? leafHash.get(k.index) : nodeHash.get(k.level, k.index)) as Buffer | undefined)
    },
    async leafIndexOf(position) {
      const index = leafIndex.get(position) as bigint | undefined
      return index === undefined ? null : Number(index)
    },
    async extend(leaves, nodes) {
      extend.immediate(leaves, nodes)
    },
    saveHead: async (head) => saveHead.immediate(head),
    async latestHead() {
      const row = latest.get() as HeadRow | undefined
      return row ? toHead(row) : null
    },
    listHeads: async (afterSize, limit) => (list.all(afterSize, limit) as HeadRow[]).map(toHead),
    async verifiedHead(): Promise<VerifiedHead | null> {
      const row = verified.get() as { tree_size: bigint; root_hash: string; position: bigint; verified_at: string } | undefined
      return row ? { treeSize: Number(row.tree_size), rootHash: row.root_hash, position: row.position, verifiedAt: row.verified_at } : null
    },
    async saveVerifiedHead(head) {
      putVerified.run(head.treeSize, head.rootHash, head.position, head.verifiedAt)
    },
  }
}
