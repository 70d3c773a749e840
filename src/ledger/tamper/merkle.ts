import type { RecordedEvent } from '../../../events/envelope.js'
import { createMerkleAccumulator } from './merkle-accumulator.js'
import { consistencyRanges, inclusionRanges, type LeafRange } from './merkle-ranges.js'

/**
 * The RFC 6962 Merkle tree over the ledger's global log.
 *
 * Leaves are the events in global position order; leaf i is the (i+1)-th
 * event of `readAll()`, so the leaf index is the event's ordinal, not its
 * position (positions may have gaps). The leaf *bytes* are the event's
 * `hash` hex-decoded to its 32 raw bytes: that hash already commits to the
 * whole event and, through the per-stream chain, to its stream's history,
 * so the tree only has to commit to order. The leaf hash is then
 * SHA-256(0x00 || those 32 bytes) and interior nodes SHA-256(0x01 || l || r).
 *
 * The functions here take leaf data (unhashed) as arrays, for tests and
 * small logs; the store-facing ones (ledger-head.ts, prove-inclusion.ts,
 * prove-consistency.ts) stream the log instead.
 */
export { createMerkleAccumulator, type MerkleAccumulator } from './merkle-accumulator.js'
export { EMPTY_ROOT, HASH_SIZE, hashChildren, hashLeaf } from './merkle-hash.js'
export { verifyConsistency, verifyInclusion } from './merkle-verify.js'

export interface TreeHead {
  size: number
  rootHash: Buffer
}

/** The leaf data an event contributes to the tree: its chain hash as raw bytes. */
export function eventLeaf(event: Pick<RecordedEvent, 'hash'>): Buffer {
  return Buffer.from(event.hash, 'hex')
}

/** MTH(D[n]) of the given leaves. */
export function treeHead(leaves: readonly Buffer[]): TreeHead {
  const accumulator = createMerkleAccumulator()
  for (const leaf of leaves) accumulator.append(leaf)
  return { size: accumulator.size(), rootHash: accumulator.root() }
}

/** RFC 6962 PATH(index, D[n]): the audit path for leaf `index` in the tree of all `leaves`. */
export function inclusionProof(leaves: readonly Buffer[], index: number): Buffer[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf index ${index} is outside a tree of ${leaves.length} leaves`)
  }
  return hashRanges(leaves, inclusionRanges(index, leaves.length))
}

/** RFC 6962 PROOF(m, D[n]): shows the first `m` leaves' tree is a prefix of the tree of all `leaves`. */
export function consistencyProof(leaves: readonly Buffer[], m: number): Buffer[] {
  if (!Number.isSafeInteger(m) || m < 0 || m > leaves.length) {
    throw new RangeError(`size ${m} is outside a tree of ${leaves.length} leaves`)
  }
  return hashRanges(leaves, consistencyRanges(m, leaves.length))
}

function hashRanges(leaves: readonly Buffer[], ranges: readonly LeafRange[]): Buffer[] {
  return ranges.map((range) => treeHead(leaves.slice(range.start, range.end)).rootHash)
}
