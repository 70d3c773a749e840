import t from 'tap'
import {
  consistencyProof,
  createMerkleAccumulator,
  EMPTY_ROOT,
  hashLeaf,
  inclusionProof,
  treeHead,
  verifyConsistency,
  verifyInclusion,
} from '../../src/ledger/tamper/merkle.js'

// Reference data of the Certificate Transparency test suites (the
// transparency-dev/merkle testonly package and proof/verify_test.go): eight
// leaves, the RFC 6962 root of every prefix, and hand-checked proofs.
const hex = (s: string): Buffer => Buffer.from(s, 'hex')
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex)
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]
const INCLUSION = [
  { index: 0, size: 1, proof: [] as string[] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
]
const CONSISTENCY = [
  { m: 1, n: 1, proof: [] as string[] },
  {
    m: 1,
    n: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    m: 6,
    n: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    m: 2,
    n: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    m: 6,
    n: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
]
const toHex = (bs: Buffer[]): string[] => bs.map((b) => b.toString('hex'))

t.test('the empty tree hashes to SHA-256 of nothing', async (t) => {
  t.equal(EMPTY_ROOT.toString('hex'), ROOTS[0])
  t.same(treeHead([]), { size: 0, rootHash: hex(ROOTS[0]!) })
  t.equal(createMerkleAccumulator().root().toString('hex'), ROOTS[0])
})

t.test('treeHead of every prefix of the reference leaves matches the CT root', async (t) => {
  for (let size = 0; size <= LEAVES.length; size++) {
    const head = treeHead(LEAVES.slice(0, size))
    t.equal(head.size, size)
    t.equal(head.rootHash.toString('hex'), ROOTS[size], `size ${size}`)
  }
})

t.test('the accumulator reports the CT root after each append', async (t) => {
  const accumulator = createMerkleAccumulator()
  LEAVES.forEach((leaf, i) => {
    accumulator.append(leaf)
    t.equal(accumulator.size(), i + 1)
    t.equal(accumulator.root().toString('hex'), ROOTS[i + 1], `size ${i + 1}`)
  })
})

t.test('inclusion proofs equal the CT reference paths and verify', async (t) => {
  for (const v of INCLUSION) {
    const leaves = LEAVES.slice(0, v.size)
    const proof = inclusionProof(leaves, v.index)
    t.same(toHex(proof), v.proof, `index ${v.index} of ${v.size}`)
    t.equal(verifyInclusion(hashLeaf(LEAVES[v.index]!), v.index, v.size, proof, hex(ROOTS[v.size]!)), true)
  }
})

t.test('consistency proofs equal the CT reference proofs and verify', async (t) => {
  for (const v of CONSISTENCY) {
    const proof = consistencyProof(LEAVES.slice(0, v.n), v.m)
    t.same(toHex(proof), v.proof, `${v.m} -> ${v.n}`)
    t.equal(verifyConsistency(v.m, v.n, hex(ROOTS[v.m]!), hex(ROOTS[v.n]!), proof), true)
  }
})

t.test('proof generation rejects indexes and sizes outside the tree', async (t) => {
  t.throws(() => inclusionProof(LEAVES, 8), RangeError)
  t.throws(() => inclusionProof(LEAVES, -1), RangeError)
  t.throws(() => inclusionProof([], 0), RangeError)
  t.throws(() => inclusionProof(LEAVES, 1.5), RangeError)
  t.throws(() => consistencyProof(LEAVES, 9), RangeError)
  t.throws(() => consistencyProof(LEAVES, -1), RangeError)
  t.same(consistencyProof(LEAVES, 0), [])
  t.same(consistencyProof(LEAVES, 8), [])
})

t.test('verifyInclusion rejects out-of-range indexes, empty trees and wrong hash lengths', async (t) => {
  const leaf = hashLeaf(LEAVES[0]!)
  const root8 = hex(ROOTS[8]!)
  const proof = inclusionProof(LEAVES, 0)
  t.equal(verifyInclusion(leaf, 0, 0, [], EMPTY_ROOT), false, 'empty tree has no leaves')
  t.equal(verifyInclusion(leaf, 8, 8, proof, root8), false, 'index == size')
  t.equal(verifyInclusion(leaf, -1, 8, proof, root8), false, 'negative index')
  t.equal(verifyInclusion(leaf, 0, 8.5, proof, root8), false, 'fractional size')
  t.equal(verifyInclusion(leaf.subarray(0, 31), 0, 8, proof, root8), false, 'short leaf hash')
  t.equal(verifyInclusion(leaf, 0, 8, proof, root8.subarray(1)), false, 'short root')
  t.equal(verifyInclusion(leaf, 0, 8, [...proof, Buffer.alloc(0)], root8), false, 'trailing empty element')
  t.equal(verifyInclusion(leaf, 0, 1, [], leaf), true, 'a one-leaf tree is its leaf hash')
})

t.test('verifyConsistency: trivial sizes, time travel and empty proofs', async (t) => {
  const r = (i: number): Buffer => hex(ROOTS[i]!)
  t.equal(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, []), true, '0 -> 0')
  t.equal(verifyConsistency(0, 5, EMPTY_ROOT, r(5), []), true, 'the empty tree is a prefix of any tree')
  t.equal(verifyConsistency(0, 5, r(1), r(5), []), false, 'size 0 with a non-empty root')
  t.equal(verifyConsistency(3, 3, r(3), r(3), []), true, 'same head')
  t.equal(verifyConsistency(3, 3, r(3), r(4), []), false, 'same size, different roots')
  t.equal(verifyConsistency(3, 3, r(3), r(3), [r(1)]), false, 'same size with a non-empty proof')
  t.equal(verifyConsistency(5, 2, r(5), r(2), consistencyProof(LEAVES.slice(0, 5), 2)), false, 'time travel')
  t.equal(verifyConsistency(2, 5, r(2), r(5), []), false, 'missing proof')
  t.equal(verifyConsistency(2, 5, r(2).subarray(2), r(5), []), false, 'short root')
})
