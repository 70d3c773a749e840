import type { EventStore } from '../../store/port.js'
import { createMerkleAccumulator } from './merkle-accumulator.js'
import { eventLeaf } from './merkle.js'

/**
 * A tree head (RFC 6962's STH without the signature; signed-head.ts signs
 * it): how many events the log holds, the Merkle root over them, and the
 * global position of the last one. A client that keeps a head can later ask
 * for a consistency proof to the current head and so detect any rewrite of
 * history.
 */
export interface LedgerHead {
  /** Number of leaves (events). */
  size: number
  /** MTH over the events in global order, hex. */
  rootHash: string
  /** Position of the last event in the tree; 0n for the empty tree. */
  position: bigint
}

/**
 * The head recomputed from the log alone, one full pass, trusting no stored
 * tree: the reference the stored tree (ledger-tree.ts) is checked against.
 */
export async function ledgerHead(store: EventStore): Promise<LedgerHead> {
  const tree = createMerkleAccumulator()
  let position = 0n
  for await (const event of store.readAll()) {
    tree.append(eventLeaf(event))
    position = event.position
  }
  return { size: tree.size(), rootHash: tree.root().toString('hex'), position }
}
