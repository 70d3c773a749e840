import { createMerkleAccumulator, type MerkleAccumulator } from './merkle-accumulator.js'
import { splitPoint } from './merkle-hash.js'

/**
 * Every hash in an RFC 6962 proof is the MTH of a contiguous run of leaves,
 * and which runs depends only on the index and the tree sizes, never on the
 * leaf data. Working out the runs first lets a proof be built in one pass
 * over the leaves (an array, or the store's global log streamed in order)
 * holding O(log n) hashes, instead of materialising the tree.
 */
export interface LeafRange {
  /** First leaf index (inclusive). */
  start: number
  /** Last leaf index (exclusive). */
  end: number
}

/** The runs of RFC 6962 PATH(index, D[0:size]), in proof order (leaf level first). */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const out: LeafRange[] = []
  const path = (m: number, start: number, end: number): void => {
    if (end - start <= 1) return
    const k = splitPoint(end - start)
    if (m < k) {
      path(m, start, start + k)
      out.push({ start: start + k, end })
    } else {
      path(m - k, start + k, end)
      out.push({ start, end: start + k })
    }
  }
  path(index, 0, size)
  return out
}

/** The runs of RFC 6962 PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), in proof order. */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  const out: LeafRange[] = []
  if (m <= 0 || m >= n) return out
  const subproof = (m: number, start: number, end: number, isOldRoot: boolean): void => {
    if (m === end - start) {
      // A subtree the old head already commits to is omitted: the verifier has its root.
      if (!isOldRoot) out.push({ start, end })
      return
    }
    const k = splitPoint(end - start)
    if (m <= k) {
      subproof(m, start, start + k, isOldRoot)
      out.push({ start: start + k, end })
    } else {
      subproof(m - k, start + k, end, false)
      out.push({ start, end: start + k })
    }
  }
  subproof(m, 0, n, true)
  return out
}

/**
 * Hashes the given disjoint runs while leaf hashes are fed in index order.
 * `hashes()` returns them in the order the runs were given.
 */
export interface RangeHasher {
  add(index: number, leafHash: Buffer): void
  hashes(): Buffer[]
}

export function createRangeHasher(ranges: readonly LeafRange[]): RangeHasher {
  const accumulators = ranges.map(() => createMerkleAccumulator())
  const byStart = ranges.map((range, i) => ({ range, accumulator: accumulators[i]! }))
  byStart.sort((a, b) => a.range.start - b.range.start)
  let current = 0
  return {
    add(index, leafHash) {
      while (current < byStart.length && byStart[current]!.range.end <= index) current++
      const entry = byStart[current]
      if (entry !== undefined && entry.range.start <= index) entry.accumulator.appendLeafHash(leafHash)
    },
    hashes() {
      return ranges.map((range, i) => {
        const accumulator: MerkleAccumulator = accumulators[i]!
        if (accumulator.size() !== range.end - range.start) {
          throw new Error(`leaves ${range.start}..${range.end} were not all supplied`)
        }
        return accumulator.root()
      })
    },
  }
}
