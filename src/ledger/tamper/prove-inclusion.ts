import type { EventStore } from '../../store/port.js'
import { createMerkleAccumulator } from './merkle-accumulator.js'
import { hashLeaf } from './merkle-hash.js'
import { createRangeHasher, inclusionRanges } from './merkle-ranges.js'
import { eventLeaf } from './merkle.js'
import type { ProofError } from './proof-errors.js'

/**
 * `GET /ledger/proof/:position`: the RFC 6962 audit path showing that the
 * event at `position` is leaf `leafIndex` of the tree of `treeSize` events
 * with root `rootHash`. A client checks it with verifyInclusion(leafHash,
 * leafIndex, treeSize, proof, rootHash), where leafHash is
 * SHA-256(0x00 || the event's hash as bytes) — so it needs only the event.
 * Hashes are hex.
 */
export type InclusionProofResult =
  | {
      ok: true
      position: bigint
      leafIndex: number
      treeSize: number
      leafHash: string
      rootHash: string
      proof: string[]
    }
  | { ok: false; error: ProofError }

export interface ProveInclusionOptions {
  /** Prove against the tree of this many events (a head the client already holds). Default: the current size. */
  treeSize?: number
}

/**
 * Two passes over the log, O(n) time and O(log n) memory: the first finds
 * the leaf index and the size, the second hashes only the runs of leaves the
 * proof needs (see merkle-ranges.ts).
 */
export async function proveInclusion(
  store: EventStore,
  position: bigint,
  options: ProveInclusionOptions = {},
): Promise<InclusionProofResult> {
  const wanted = Number.isSafeInteger(options.treeSize) ? options.treeSize : undefined
  let size = 0 // events read; the log's size unless the loop stopped early
  let leafIndex = -1
  for await (const event of store.readAll()) {
    if (event.position === position) leafIndex = size
    size++
    // With a valid tree size, stop once it is read and holds the leaf (the rest is not needed).
    if (wanted !== undefined && leafIndex >= 0 && leafIndex < wanted && size >= wanted) break
  }
  if (leafIndex < 0) return { ok: false, error: { code: 'PositionNotFound', position } }
  const treeSize = options.treeSize ?? size
  if (!Number.isSafeInteger(treeSize) || treeSize <= leafIndex || treeSize > size) {
    return { ok: false, error: { code: 'TreeSizeOutOfRange', treeSize, size } }
  }

  const path = createRangeHasher(inclusionRanges(leafIndex, treeSize))
  const tree = createMerkleAccumulator()
  let leafHash: Buffer | undefined
  for await (const event of store.readAll({ maxCount: treeSize })) {
    const hash = hashLeaf(eventLeaf(event))
    if (tree.size() === leafIndex) {
      if (event.position !== position) throw new Error(`the log changed while proving position ${position}`)
      leafHash = hash
    }
    path.add(tree.size(), hash)
    tree.appendLeafHash(hash)
  }
  if (tree.size() !== treeSize || leafHash === undefined) {
    throw new Error(`the log changed while proving position ${position}`)
  }
  return {
    ok: true,
    position,
    leafIndex,
    treeSize,
    leafHash: leafHash.toString('hex'),
    rootHash: tree.root().toString('hex'),
    proof: path.hashes().map((h) => h.toString('hex')),
  }
}
