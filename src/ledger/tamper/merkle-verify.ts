import { EMPTY_ROOT, HASH_SIZE, hashChildren } from './merkle-hash.js'

/**
 * Proof verification exactly as RFC 9162 section 2.1.3.2 (inclusion) and
 * 2.1.4.2 (consistency) spell it, with bit arithmetic on the leaf index
 * instead of rebuilding the tree. Sizes are plain numbers: exact up to 2^53
 * leaves. Any malformed input (wrong hash length, out-of-range index,
 * non-integer size) is a failed verification, never an exception, because
 * these functions are fed what a client sent us or what we sent a client.
 */

const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0
const isHash = (b: Buffer): boolean => Buffer.isBuffer(b) && b.length === HASH_SIZE
const isOdd = (n: number): boolean => n % 2 === 1
const half = (n: number): number => Math.floor(n / 2)
const isPowerOfTwo = (n: number): boolean => {
  let k = 1
  while (k < n) k *= 2
  return k === n
}

/** Does `proof` show that the leaf with hash `leafHash` sits at `index` in the tree of `size` leaves with root `root`? */
export function verifyInclusion(
  leafHash: Buffer,
  index: number,
  size: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (!isSize(index) || !isSize(size) || index >= size) return false
  if (!isHash(leafHash) || !isHash(root) || !proof.every(isHash)) return false
  let fn = index
  let sn = size - 1
  let r = leafHash
  for (const p of proof) {
    if (sn === 0) return false
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r)
      // Climb past levels where this node has no right sibling (the right edge of an unbalanced tree).
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn)
          sn = half(sn)
        }
      }
    } else {
      r = hashChildren(r, p)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 && r.equals(root)
}

/**
 * Does `proof` show that the tree of `sizeN` leaves with root `rootN` extends
 * the tree of `sizeM` leaves with root `rootM` (only appends, nothing changed)?
 * Equal sizes need an empty proof and equal roots; an empty old tree (size 0)
 * needs an empty proof and the empty-tree root, and is consistent with anything.
 */
export function verifyConsistency(
  sizeM: number,
  sizeN: number,
  rootM: Buffer,
  rootN: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (!isSize(sizeM) || !isSize(sizeN) || sizeM > sizeN) return false
  if (!isHash(rootM) || !isHash(rootN) || !proof.every(isHash)) return false
  if (sizeM === 0) return proof.length === 0 && rootM.equals(EMPTY_ROOT)
  if (sizeM === sizeN) return proof.length === 0 && rootM.equals(rootN)
  if (proof.length === 0) return false

  // When the old tree is a perfect subtree, its root is the proof's implicit first node.
  const path = isPowerOfTwo(sizeM) ? [rootM, ...proof] : [...proof]
  let fn = sizeM - 1
  let sn = sizeN - 1
  while (isOdd(fn)) {
    fn = half(fn)
    sn = half(sn)
  }
  let fr = path[0]!
  let sr = path[0]!
  for (const c of path.slice(1)) {
    if (sn === 0) return false
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr)
      sr = hashChildren(c, sr)
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn)
          sn = half(sn)
        }
      }
    } else {
      sr = hashChildren(sr, c)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 && fr.equals(rootM) && sr.equals(rootN)
}
