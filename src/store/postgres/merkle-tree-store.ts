import type pg from 'pg'
import type { MerkleTreeStore, StoredTreeHead, TreeNodeKey } from '../merkle-tree-port.js'
import { toStoreError } from './pg-errors.js'

interface HeadRow {
  tree_size: string
  root_hash: string
  position: string
  signed_at: string
  key_id: string
  signature: string
}

const HEAD_COLUMNS = 'tree_size::text, root_hash, position::text, signed_at, key_id, signature'

const toHead = (r: HeadRow): StoredTreeHead => ({
  treeSize: Number(r.tree_size),
  rootHash: r.root_hash,
  position: BigInt(r.position),
  signedAt: r.signed_at,
  keyId: r.key_id,
  signature: r.signature,
})

/** The stored Merkle tree and signed heads in the ledger database (migration 004), on the store's pool. */
export function createPostgresMerkleTreeStore(pool: pg.Pool): MerkleTreeStore {
  /** `name`: a prepared statement, planned once per connection (the queries every proof makes). */
  async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = [], name?: string): Promise<R[]> {
    try {
      return (await pool.query<R>(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows
    } catch (error) {
      throw toStoreError(error, 'cannot read or write the Merkle tree in PostgreSQL')
    }
  }

  return {
    async extent() {
      const rows = await query<{ leaf_index: string; position: string }>('SELECT leaf_index::text, position::text FROM merkle_leaves ORDER BY merkle_leaves.leaf_index DESC LIMIT 1')
      const row = rows[0]
      return row ? { size: Number(row.leaf_index) + 1, position: BigInt(row.position) } : { size: 0, position: 0n }
    },

    // One round trip for a whole proof: the keys go in as two arrays, the hashes come back in their order.
    async hashes(keys: readonly TreeNodeKey[]) {
      if (keys.length === 0) return []
      const rows = await query<{ ord: string; hash: Buffer | null }>(
        `SELECT k.ord::text, coalesce(l.hash, n.hash) AS hash
         FROM unnest($1::int[], $2::bigint[]) WITH ORDINALITY AS k(level, idx, ord)
         LEFT JOIN merkle_leaves l ON k.level = 0 AND l.leaf_index = k.idx
         LEFT JOIN merkle_nodes n ON k.level > 0 AND n.level = k.level AND n.node_index = k.idx`,
        [keys.map((k) => k.level), keys.map((k) => k.index)],
        'factledger-tree-hashes',
      )
      const out: Array<Buffer | undefined> = new Array(keys.length).fill(undefined)
      for (const row of rows) out[Number(row.ord) - 1] = row.hash ?? undefined
      return out
    },

    async leafIndexOf(position) {
      const rows = await query<{ leaf_index: string }>('SELECT leaf_index::text FROM merkle_leaves WHERE position = $1', [position.toString()], 'factledger-leaf-index')
      return rows[0] ? Number(rows[0].leaf_index) : null
    },

    async extend(leaves, nodes) {
      if (leaves.length === 0 && nodes.length === 0) return
      // One statement, so one transaction: both inserts or neither. Two processes
      // extending at once compute the same rows; the second one's are skipped.
      await query(
        `WITH l AS (
           INSERT INTO merkle_leaves (leaf_index, position, hash)
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[]) ON CONFLICT DO NOTHING
         )
         INSERT INTO merkle_nodes (level, node_index, hash)
         SELECT * FROM unnest($4::int[], $5::bigint[], $6::bytea[]) ON CONFLICT DO NOTHING`,
        [
          leaves.map((x) => x.index),
          leaves.map((x) => x.position.toString()),
          leaves.map((x) => x.hash),
          nodes.map((x) => x.level),
          nodes.map((x) => x.index),
          nodes.map((x) => x.hash),
        ],
      )
    },

    async saveHead(head) {
      const inserted = await query<HeadRow>(
        `INSERT INTO signed_tree_heads (tree_size, root_hash, position, signed_at, key_id, signature)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tree_size) DO NOTHING RETURNING ${HEAD_COLUMNS}`,
        [head.treeSize, head.rootHash, head.position.toString(), head.signedAt, head.keyId, head.signature],
      )
      if (inserted.length === 1) return { saved: true }
      const existing = await query<HeadRow>(`SELECT ${HEAD_COLUMNS} FROM signed_tree_heads WHERE tree_size = $1`, [head.treeSize])
      return { saved: false, existing: toHead(existing[0]!) }
    },

    async latestHead() {
      const rows = await query<HeadRow>(`SELECT ${HEAD_COLUMNS} FROM signed_tree_heads ORDER BY signed_tree_heads.tree_size DESC LIMIT 1`)
      return rows[0] ? toHead(rows[0]) : null
    },

    async listHeads(afterSize, limit) {
      const rows = await query<HeadRow>(`SELECT ${HEAD_COLUMNS} FROM signed_tree_heads WHERE tree_size > $1 ORDER BY signed_tree_heads.tree_size LIMIT $2`, [afterSize, limit])
      return rows.map(toHead)
    },

    async verifiedHead() {
      const rows = await query<{ tree_size: string; root_hash: string; position: string; verified_at: string }>(
        'SELECT tree_size::text, root_hash, position::text, verified_at FROM verified_tree_head WHERE id = 1',
      )
      const row = rows[0]
      return row ? { treeSize: Number(row.tree_size), rootHash: row.root_hash, position: BigInt(row.position), verifiedAt: row.verified_at } : null
    },

    async saveVerifiedHead(head) {
      await query(
        `INSERT INTO verified_tree_head (id, tree_size, root_hash, position, verified_at) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET tree_size = excluded.tree_size, root_hash = excluded.root_hash, position = excluded.position, verified_at = excluded.verified_at`,
        [head.treeSize, head.rootHash, head.position.toString(), head.verifiedAt],
      )
    },
  }
}
