import fc from 'fast-check'
import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import {
  consistencyProof,
  createMerkleAccumulator,
  EMPTY_ROOT,
  hashChildren,
  hashLeaf,
  inclusionProof,
  treeHead,
  verifyConsistency,
  verifyInclusion,
} from '../../src/ledger/tamper/merkle.js'

// A literal transcription of RFC 6962 section 2.1 (MTH, PATH, SUBPROOF),
// recursive and slow on purpose: the production code must agree with it.
function split(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}
function mth(d: Buffer[]): Buffer {
  if (d.length === 0) return EMPTY_ROOT
  if (d.length === 1) return hashLeaf(d[0]!)
  const k = split(d.length)
  return hashChildren(mth(d.slice(0, k)), mth(d.slice(k)))
}
function path(m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return []
  const k = split(d.length)
  return m < k ? [...path(m, d.slice(0, k)), mth(d.slice(k))] : [...path(m - k, d.slice(k)), mth(d.slice(0, k))]
}
function subproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [mth(d)]
  const k = split(d.length)
  return m <= k
    ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))]
}

const MAX = 64
const leavesOf = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => Buffer.from(`leaf-${i}`))
const LEAVES = leavesOf(MAX)
const ROOTS = Array.from({ length: MAX + 1 }, (_, n) => mth(LEAVES.slice(0, n)))
const flipBit = (proof: Buffer[], i: number, bit: number): Buffer[] =>
  proof.map((p, j) => {
    if (j !== i) return p
    const copy = Buffer.from(p)
    copy[bit >> 3] = copy[bit >> 3]! ^ (1 << (bit & 7))
    return copy
  })

t.test('treeHead and the accumulator agree with the recursive RFC 6962 MTH', async (t) => {
  await assertProperty(
    t,
    fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 80 }), (raw) => {
      const leaves = raw.map((a) => Buffer.from(a))
      const accumulator = createMerkleAccumulator()
      for (const leaf of leaves) accumulator.append(leaf)
      const expected = mth(leaves)
      return treeHead(leaves).rootHash.equals(expected) && accumulator.root().equals(expected)
    }),
  )
})

t.test('every inclusion proof for every index and size up to 64 equals PATH and verifies', async (t) => {
  let failures = 0
  for (let size = 1; size <= MAX; size++) {
    const leaves = LEAVES.slice(0, size)
    for (let index = 0; index < size; index++) {
      const proof = inclusionProof(leaves, index)
      const expected = path(index, leaves)
      const same = proof.length === expected.length && proof.every((p, i) => p.equals(expected[i]!))
      if (!same || !verifyInclusion(hashLeaf(leaves[index]!), index, size, proof, ROOTS[size]!)) failures++
    }
  }
  t.equal(failures, 0)
})

// An inclusion proof alone does not pin the exact tree size (index 0 has the
// same path in trees of 13 and 14 leaves): the signed root does. So the size
// probes change the tree's height, as the CT suites do.
t.test('an inclusion proof fails for another leaf, index, root, or a tree of another height', async (t) => {
  await assertProperty(
    t,
    fc.property(
      fc.integer({ min: 2, max: MAX }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1), fc.nat(size - 1))),
      ([size, index, other]) => {
        fc.pre(other !== index)
        const leaves = LEAVES.slice(0, size)
        const proof = inclusionProof(leaves, index)
        const leafHash = hashLeaf(leaves[index]!)
        return (
          !verifyInclusion(hashLeaf(leaves[other]!), index, size, proof, ROOTS[size]!) &&
          !verifyInclusion(leafHash, other, size, proof, ROOTS[size]!) &&
          !verifyInclusion(leafHash, index, size, proof, ROOTS[size - 1]!) &&
          !verifyInclusion(leafHash, index, size * 2, proof, ROOTS[size]!) &&
          (index >= Math.floor(size / 2) || !verifyInclusion(leafHash, index, Math.floor(size / 2), proof, ROOTS[size]!))
        )
      },
    ),
  )
})

t.test('a tampered inclusion proof fails: flipped bit, dropped, added or reordered element', async (t) => {
  await assertProperty(
    t,
    fc.property(
      fc.integer({ min: 2, max: MAX }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))),
      fc.nat(),
      fc.nat(255),
      ([size, index], which, bit) => {
        const leaves = LEAVES.slice(0, size)
        const proof = inclusionProof(leaves, index)
        const leafHash = hashLeaf(leaves[index]!)
        const i = which % proof.length
        const ok = (p: Buffer[]): boolean => verifyInclusion(leafHash, index, size, p, ROOTS[size]!)
        const reordered = proof.length > 1 && !proof[0]!.equals(proof[1]!) ? [proof[1]!, proof[0]!, ...proof.slice(2)] : null
        return (
          !ok(flipBit(proof, i, bit)) &&
          !ok(proof.filter((_, j) => j !== i)) &&
          !ok([...proof, ROOTS[size]!]) &&
          !ok([ROOTS[size]!, ...proof]) &&
          (reordered === null || !ok(reordered))
        )
      },
    ),
  )
})

t.test('every consistency proof for all m <= n <= 64 equals PROOF and verifies', async (t) => {
  let failures = 0
  for (let n = 1; n <= MAX; n++) {
    const leaves = LEAVES.slice(0, n)
    for (let m = 0; m <= n; m++) {
      const proof = consistencyProof(leaves, m)
      const expected = m === 0 ? [] : subproof(m, leaves, true)
      const same = proof.length === expected.length && proof.every((p, i) => p.equals(expected[i]!))
      if (!same || !verifyConsistency(m, n, ROOTS[m]!, ROOTS[n]!, proof)) failures++
    }
  }
  t.equal(failures, 0)
})

t.test('a tampered consistency proof or a wrong head fails', async (t) => {
  await assertProperty(
    t,
    fc.property(
      fc.integer({ min: 2, max: MAX }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n))),
      fc.nat(),
      fc.nat(255),
      ([m, n], which, bit) => {
        const proof = consistencyProof(LEAVES.slice(0, n), m)
        const i = which % proof.length
        const ok = (p: Buffer[], sm = m, sn = n, rm = ROOTS[m]!, rn = ROOTS[n]!): boolean =>
          verifyConsistency(sm, sn, rm, rn, p)
        const otherOldRoot = mth([Buffer.from('forged'), ...LEAVES.slice(1, m)])
        const otherNewRoot = mth([...LEAVES.slice(0, n - 1), Buffer.from('forged')])
        return (
          !ok(flipBit(proof, i, bit)) &&
          !ok(proof.filter((_, j) => j !== i)) &&
          !ok([...proof, ROOTS[n]!]) &&
          !ok([ROOTS[m]!, ...proof]) &&
          !ok(proof, m, n, otherOldRoot) &&
          !ok(proof, m, n, ROOTS[m]!, otherNewRoot) &&
          !ok(proof, m, n, ROOTS[n]!, ROOTS[m]!) &&
          !ok(proof, m + 1, n, ROOTS[m + 1]!) &&
          (m === 1 || !ok(proof, m - 1, n, ROOTS[m - 1]!))
        )
      },
    ),
  )
})
