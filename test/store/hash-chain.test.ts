import assert from 'node:assert/strict'
import { join } from 'node:path'
import fc from 'fast-check'
import t from 'tap'
import { assertProperty } from '../helpers/property.js'
import type { NewEvent } from '../../events/envelope.js'
import { hashCanonicalEvent, hashEvent } from '../../src/store/hash-chain.js'
import { prepareAppend, readBack } from '../../src/store/shared/prepare-append.js'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { awkwardData } from './conformance/round-trip.js'

/*
 * Hashes written by the hash chain as it stood before the write path was
 * optimised (issue #6). Stored ledgers and exports carry these hashes, so a
 * faster implementation must produce exactly the same bytes.
 */
const metadata = { actor: 'editor@example.org', role: 'editor', correlationId: 'corr-ü', causationId: 'cause', recordedAt: '2024-11-27T12:00:00.000+01:00' } as const

const vectors: Array<{ what: string; event: NewEvent; stream: string; revision: bigint; prevHash: string | null; hash: string }> = [
  {
    what: 'escapes, unicode, number forms and unsorted keys, first in its stream',
    event: { id: 'evt-1', type: 'ClaimRecorded', schemaVersion: 2, data: awkwardData, metadata },
    stream: 'claim-1',
    revision: 0n,
    prevHash: null,
    hash: '0d67ea130471f63835282ca6d8a1e841a25533a6542920889891fa86431fe2b6',
  },
  {
    what: 'an array with integer-like and punctuation keys, chained',
    event: { id: 'evt-2', type: 'Noted', schemaVersion: 1, data: [1, 'two', { b: 2, a: 1, '10': 'x', '9': 'y', '#': 'z' }], metadata },
    stream: 'claim-1',
    revision: 1n,
    prevHash: 'a'.repeat(64),
    hash: '872fbb9339b5d2b9dc1b47fc07a9d8dc2007f2e43e1b43deacf4e8f73a1e0d50',
  },
  {
    what: 'a lone surrogate and a revision beyond 2^64',
    event: { id: 'evt-3', type: 'Noted', schemaVersion: 1, data: 'lone \ud800 surrogate', metadata },
    stream: 's',
    revision: 12345678901234567890n,
    prevHash: 'b'.repeat(64),
    hash: '4fa244174c47f3d59b62bb9e07aa600ec94ccbad5b38f60d7d7466cb9f8ea4c9',
  },
  {
    what: 'null data',
    event: { id: 'evt-4', type: 'Noted', schemaVersion: 1, data: null, metadata },
    stream: 's',
    revision: 3n,
    prevHash: 'c'.repeat(64),
    hash: '98070f97fe4208df5d6c773a63ab364aa615c9a1a685856ae30570c06532153b',
  },
]

t.test('hashEvent gives the hashes stored ledgers already carry', async t => {
  for (const v of vectors) t.equal(hashEvent(v.event, v.stream, v.revision, v.prevHash), v.hash, v.what)
})

t.test('the SQLite store writes the same hashes', async t => {
  const store = await createSqliteEventStore({ path: join(t.testdir(), 'ledger.db') })
  t.teardown(() => store.close())
  const [first, second] = vectors
  const result = await store.append(first!.stream, [first!.event, { ...second!.event }], { expectedRevision: 'no_stream' })
  if (!result.ok) throw new Error('append refused')
  t.equal(result.events[0]!.hash, first!.hash, 'revision 0')
  // Chained on the first: same event as vector 2, but its prevHash is vector 1's hash.
  t.equal(result.events[1]!.hash, hashEvent(second!.event, 'claim-1', 1n, first!.hash), 'revision 1 chains on revision 0')
  t.equal(result.events[1]!.hash, 'ffefd2de2b8bb94996e79e3db0e2e65d8abd12c134f444bbea256e053c5f95db', 'revision 1, pinned')
})

t.test('the hash assembled from prepared canonical text equals hashEvent of the stored event', async t => {
  const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })
  await assertProperty(
    t,
    fc.property(
      fc.record({
        id: text,
        type: text,
        schemaVersion: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        // What prepareAppend lets through: JSON with holes and undefined properties besides plain values.
        data: fc.anything({ stringUnit: 'binary', withSparseArray: true, withNullPrototype: true, maxDepth: 3 }),
        metadata: fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 2 })),
      }),
      text,
      fc.bigInt({ min: 0n, max: 1n << 70n }),
      fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }),
      (given, stream, revision, prevHash) => {
        let written
        try {
          written = readBack(prepareAppend(stream, [given], 'any')[0]!)
        } catch (error) {
          if (error instanceof TypeError) return // refused before any hash: nothing to compare
          throw error
        }
        assert.equal(hashCanonicalEvent(written, stream, revision, prevHash), hashEvent(written.event, stream, revision, prevHash))
      },
    ),
    { numRuns: 2000, seed: 2024 },
  )
})
