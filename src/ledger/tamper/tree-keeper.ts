import type { EventStore } from '../../store/port.js'
import type { MerkleTreeStore, TreeExtent, TreeLeaf, TreeNode } from '../../store/merkle-tree-port.js'
import { hashChildren, hashLeaf } from './merkle-hash.js'
import { eventLeaf } from './merkle.js'
import { rangeNodes } from './tree-keys.js'

/** Events folded into the stored tree per transaction. */
export const TREE_CHUNK = 5000

export interface TreeKeeper {
  /** Fold every event committed since the stored tree's last leaf into it; resolves with the new extent. */
  catchUp(): Promise<TreeExtent>
  /** The extent this process already folded (no read), or null before its first catch-up: nodes inside it are stored. */
  folded(): TreeExtent | null
}

/**
 * Keeps the stored Merkle tree (migration 004) up to date with the log.
 *
 * Why a projection and not part of the append transaction: the tree is a
 * pure function of the events' hashes in global order, so it can always be
 * caught up from the log and recomputed to check it (`verify` does), exactly
 * like the read model. Keeping it out of the append keeps the store adapters
 * free of Merkle code (DESIGN: src/store depends on events only), works the
 * same for EventStoreDB, whose transactions we cannot join, and leaves the
 * append's latency alone. The price is the one Certificate Transparency pays
 * with its merge delay: a write is answered with a signed promise of
 * inclusion (inclusion-promise.ts), and its proof exists once the tree has
 * caught up, which every proof request does first.
 *
 * Each new leaf completes one interior node per trailing 1 bit of the old
 * size (adding one in binary), so n events write about 2n rows in all; the
 * right edge needed to continue is read back from the stored nodes.
 */
export function createTreeKeeper(store: EventStore, tree: MerkleTreeStore): TreeKeeper {
  // One catch-up at a time in this process; another process extending the
  // same tree writes the same rows, which extend() then skips.
  let queue: Promise<unknown> = Promise.resolve()
  // After the first catch-up the extent and the right edge stay in memory, so
  // a later one (every proof request makes one) is a single read of the log's tail.
  let known: { extent: TreeExtent; frontier: Array<Buffer | undefined> } | null = null

  async function load(): Promise<{ extent: TreeExtent; frontier: Array<Buffer | undefined> }> {
    const extent = await tree.extent()
    const edgeKeys = rangeNodes({ start: 0, end: extent.size })
    const edge = await tree.hashes(edgeKeys)
    // frontier[level]: root of the perfect subtree of 2^level leaves at the right edge, when bit `level` of the size is set.
    const frontier: Array<Buffer | undefined> = []
    edgeKeys.forEach((key, i) => {
      const hash = edge[i]
      if (hash === undefined) throw new Error(`the stored Merkle tree lacks node ${key.level}/${key.index} of its right edge`)
      frontier[key.level] = hash
    })
    return { extent, frontier }
  }

  async function run(): Promise<TreeExtent> {
    known ??= await load()
    const { frontier } = known
    for (;;) {
      const leaves: TreeLeaf[] = []
      const nodes: TreeNode[] = []
      let { size, position } = known.extent
      for await (const event of store.readAll({ fromPosition: position, maxCount: TREE_CHUNK })) {
        let carry = hashLeaf(eventLeaf(event))
        leaves.push({ index: size, position: event.position, hash: carry })
        let level = 0
        for (let n = size; n % 2 === 1; ) {
          carry = hashChildren(frontier[level]!, carry)
          frontier[level] = undefined
          level++
          n = Math.floor(n / 2)
          nodes.push({ level, index: n, hash: carry })
        }
        frontier[level] = carry
        size++
        position = event.position
      }
      if (leaves.length === 0) return known.extent
      try {
        await tree.extend(leaves, nodes)
      } catch (error) {
        known = null // the frontier in memory is ahead of what was stored: reload it next time
        throw error
      }
      known.extent = { size, position }
      if (leaves.length < TREE_CHUNK) return known.extent
    }
  }

  return {
    catchUp() {
      const next = queue.then(run)
      queue = next.catch(() => {})
      return next
    },
    folded: () => (known ? { ...known.extent } : null),
  }
}
