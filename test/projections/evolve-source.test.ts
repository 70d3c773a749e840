import t from 'tap'
import { decodeRecorded } from '../../events/decode.js'
import { evolveSource } from '../../projections/evolve-source.js'
import { createTestLedger, id, recordedEvent } from './ledger-builder.js'

const sourceId = id('s', 1)
const registered = {
  sourceId,
  publisher: 'Associated Press',
  title: 'US sanctions more allies of Maduro',
  publishedAt: '2024-11-27',
  origin: 'Associated Press',
  tier: 1 as const,
}

t.test('SourceRegistered creates the document with its stamp and no retraction or revisions', async (t) => {
  const ledger = createTestLedger()
  ledger.append('SourceRegistered', { ...registered, url: 'https://example.org/a', retrievedAt: '2024-11-28' })
  const doc = ledger.sources.get(sourceId)!
  t.same(doc, {
    sourceId,
    url: 'https://example.org/a',
    publisher: 'Associated Press',
    title: 'US sanctions more allies of Maduro',
    publishedAt: '2024-11-27',
    retrievedAt: '2024-11-28',
    origin: 'Associated Press',
    tier: 1,
    retracted: null,
    snapshots: [],
    revisions: [],
    registered: {
      eventId: '00000000-0000-7000-8000-000000000001',
      type: 'SourceRegistered',
      position: '1',
      revision: '0',
      recordedAt: '2025-01-01T00:00:01.000Z',
      actor: 'test-editor',
      role: 'editor',
    },
    lastPosition: '1',
  })
})

t.test('a source without url, author or snapshot has no such keys', async (t) => {
  const ledger = createTestLedger()
  ledger.append('SourceRegistered', registered)
  const doc = ledger.sources.get(sourceId)!
  t.same(Object.keys(doc).filter((k) => ['url', 'author', 'retrievedAt', 'snapshotSha256'].includes(k)), [])
})

t.test('SourceRevised keeps every revision and takes the new title and snapshot digest', async (t) => {
  const ledger = createTestLedger()
  ledger.append('SourceRegistered', { ...registered, snapshot: { text: 'first', sha256: 'a'.repeat(64) } })
  ledger.append('SourceRevised', { sourceId, title: 'Updated title', revisedAt: '2024-11-28', note: 'headline changed', snapshot: { text: 'second', sha256: 'b'.repeat(64) } })
  ledger.append('SourceRevised', { sourceId, revisedAt: '2024-11-29', note: 'typo fixed' })
  const doc = ledger.sources.get(sourceId)!
  t.equal(doc.title, 'Updated title')
  t.equal(doc.snapshotSha256, 'b'.repeat(64))
  t.same(
    doc.revisions.map((r) => [r.note, r.revisedAt, r.stamp.position]),
    [
      ['headline changed', '2024-11-28', '2'],
      ['typo fixed', '2024-11-29', '3'],
    ],
  )
  t.equal(doc.lastPosition, '3')
  t.equal(doc.registered.position, '1')
})

t.test('SourceRetracted records the reason and the retraction date', async (t) => {
  const ledger = createTestLedger()
  ledger.append('SourceRegistered', registered)
  ledger.append('SourceRetracted', { sourceId, retractedAt: '2024-12-01', reason: 'the outlet withdrew the story' })
  t.same(ledger.sources.get(sourceId)!.retracted, { reason: 'the outlet withdrew the story', at: '2024-12-01' })
})

t.test('bad sequences are bugs and throw', async (t) => {
  const ledger = createTestLedger()
  t.throws(() => ledger.append('SourceRevised', { sourceId, revisedAt: '2024-11-28', note: 'x' }), /source reducer: source .* was never registered/)
  ledger.append('SourceRegistered', registered)
  t.throws(() => ledger.append('SourceRegistered', registered), /already registered/)
  ledger.append('SourceRetracted', { sourceId, retractedAt: '2024-12-01', reason: 'gone' })
  t.throws(() => ledger.append('SourceRetracted', { sourceId, retractedAt: '2024-12-02', reason: 'again' }), /already retracted/)
})

t.test('an event of another entity or another source is refused with a clear message', async (t) => {
  const ledger = createTestLedger()
  ledger.append('SourceRegistered', registered)
  const doc = ledger.sources.get(sourceId)!
  const factEvent = decodeRecorded(
    recordedEvent('FactUnpinned', { factId: 'some-fact', reason: 'x' }, { stream: `source-${sourceId}`, position: 9n, revision: 1n }),
  )
  t.throws(() => evolveSource(doc, factEvent), /source reducer: not a source event: FactUnpinned .* at position 9/)
  const other = decodeRecorded(
    recordedEvent('SourceRevised', { sourceId: id('s', 2), revisedAt: '2024-11-28', note: 'x' }, { stream: `source-${sourceId}`, position: 10n, revision: 1n }),
  )
  t.throws(() => evolveSource(doc, other), /names source .*a0002, the stream holds .*a0001/)
})
