import type { EventStore } from '../../store/port.js'
import { createMerkleAccumulator } from './merkle-accumulator.js'
import { eventLeaf } from './merkle.js'

/**
 * The signed-tree-head equivalent of RFC 6962 (unsigned for now): how many
 * events the log holds, the Merkle root over them, and the global position of
 * the last one. A client that keeps a head can later ask for a consistency
 * proof to the current head and so detect any rewrite of history.
 */
export interface LedgerHead {
  /** Number of leaves (events). */
  size: number
  /** MTH over the events in global order, hex. */
  rootHash: string
  /** Position of the last event in the tree; 0n for the empty tree. */
  position: bigint
}

/** The head over everything the store holds now (one full pass over the log). */
export async function ledgerHead(store: EventStore): Promise<LedgerHead> {
  return createLedgerHeadTracker(store).head()
}

/**
 * A head kept up to date incrementally: each call reads only the events
 * committed since the previous one. For the API, where the head is asked for
 * often; it trusts what it has already read (verifyLedger re-reads it all).
 */
export interface LedgerHeadTracker {
  head(): Promise<LedgerHead>
}

export function createLedgerHeadTracker(store: EventStore): LedgerHeadTracker {
  const tree = createMerkleAccumulator()
  let position = 0n
  // Catch-ups run one after another, so no event is appended to the tree twice
  // and each caller sees at least everything committed before it asked.
  let queue: Promise<unknown> = Promise.resolve()

  async function catchUp(): Promise<LedgerHead> {
    for await (const event of store.readAll({ fromPosition: position })) {
      tree.append(eventLeaf(event))
      position = event.position
    }
    return { size: tree.size(), rootHash: tree.root().toString('hex'), position }
  }

  return {
    head() {
      const next = queue.then(catchUp)
      queue = next.catch(() => {})
      return next
    },
  }
}
