import type { EventStore } from '../../store/port.js'
import { createMerkleAccumulator } from './merkle-accumulator.js'
import { hashLeaf } from './merkle-hash.js'
import { consistencyRanges, createRangeHasher } from './merkle-ranges.js'
import { eventLeaf } from './merkle.js'
import type { ProofError } from './proof-errors.js'

/**
 * The RFC 6962 consistency proof between the heads of `fromSize` and
 * `toSize` events: it shows the later log is the earlier one with events
 * appended, nothing changed or removed. A client that kept the old root
 * checks it with verifyConsistency(fromSize, toSize, fromRoot, toRoot, proof)
 * against its own copy of fromRoot. Hashes are hex.
 */
export type ConsistencyProofResult =
  | { ok: true; fromSize: number; toSize: number; fromRoot: string; toRoot: string; proof: string[] }
  | { ok: false; error: ProofError }

/** One pass over the first `toSize` events, O(log n) memory. */
export async function proveConsistency(store: EventStore, fromSize: number, toSize: number): Promise<ConsistencyProofResult> {
  const valid = Number.isSafeInteger(fromSize) && Number.isSafeInteger(toSize) && fromSize >= 0 && fromSize <= toSize
  if (!valid) return { ok: false, error: { code: 'InvalidTreeSizes', fromSize, toSize } }

  const proof = createRangeHasher(consistencyRanges(fromSize, toSize))
  const tree = createMerkleAccumulator()
  let fromRoot = tree.root()
  const reads = toSize === 0 ? [] : store.readAll({ maxCount: toSize })
  for await (const event of reads) {
    const hash = hashLeaf(eventLeaf(event))
    proof.add(tree.size(), hash)
    tree.appendLeafHash(hash)
    if (tree.size() === fromSize) fromRoot = tree.root()
  }
  if (tree.size() < toSize) return { ok: false, error: { code: 'TreeSizeOutOfRange', treeSize: toSize, size: tree.size() } }
  return {
    ok: true,
    fromSize,
    toSize,
    fromRoot: fromRoot.toString('hex'),
    toRoot: tree.root().toString('hex'),
    proof: proof.hashes().map((h) => h.toString('hex')),
  }
}
