import type { TreeNodeKey } from '../../store/merkle-tree-port.js'
import { hashChildren } from './merkle-hash.js'
import type { LeafRange } from './merkle-ranges.js'

/**
 * Which stored nodes make up the MTH of a run of leaves. A run [start, end)
 * whose start is a multiple of a power of two at least as large as the run
 * (true of every run in an RFC 6962 proof, and of [0, size)) splits, from
 * the left, into the largest aligned perfect subtrees that fit; RFC 6962's
 * split at the largest power of two below the length is exactly that split,
 * so the run's MTH is those subtrees' roots folded from the right. A run
 * needs at most log2(length) + 1 nodes.
 */
export function rangeNodes(range: LeafRange): TreeNodeKey[] {
  const keys: TreeNodeKey[] = []
  let start = range.start
  while (start < range.end) {
    let width = 1
    let level = 0
    while (start % (width * 2) === 0 && start + width * 2 <= range.end) {
      width *= 2
      level++
    }
    keys.push({ level, index: start / width })
    start += width
  }
  return keys
}

/** MTH of a run from the roots of its subtrees, in rangeNodes order. */
export function foldRange(hashes: readonly Buffer[]): Buffer {
  let root = hashes.at(-1)!
  for (let i = hashes.length - 2; i >= 0; i--) root = hashChildren(hashes[i]!, root)
  return root
}
