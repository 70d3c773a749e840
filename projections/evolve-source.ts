import type { DecodedEvent } from './decoded-event.js'
import type { SourceDoc } from './model.js'
import { reducerBug } from './reducer-errors.js'
import { stampOf } from './stamp.js'

/** Fold one event of a `source-<id>` stream into the source document. Pure. */
export function evolveSource(doc: SourceDoc | null, event: DecodedEvent): SourceDoc {
  const stamp = stampOf(event.recorded)
  const lastPosition = stamp.position
  if (event.type === 'SourceRegistered') {
    if (doc) throw reducerBug('source', event, `source ${doc.sourceId} is already registered`)
    const d = event.data
    return {
      sourceId: d.sourceId,
      ...(d.url !== undefined && { url: d.url }),
      publisher: d.publisher,
      title: d.title,
      ...(d.author !== undefined && { author: d.author }),
      publishedAt: d.publishedAt,
      ...(d.retrievedAt !== undefined && { retrievedAt: d.retrievedAt }),
      origin: d.origin,
      tier: d.tier,
      ...(d.snapshot && { snapshotSha256: d.snapshot.sha256 }),
      snapshots: d.snapshot ? [{ version: 0, sha256: d.snapshot.sha256, publishedAt: d.publishedAt, revisionOf: null }] : [],
      retracted: null,
      revisions: [],
      registered: stamp,
      lastPosition,
    }
  }
  if (event.type !== 'SourceRevised' && event.type !== 'SourceRetracted') {
    throw reducerBug('source', event, 'not a source event')
  }
  if (!doc) throw reducerBug('source', event, `source ${event.data.sourceId} was never registered`)
  if (event.data.sourceId !== doc.sourceId) {
    throw reducerBug('source', event, `event names source ${event.data.sourceId}, the stream holds ${doc.sourceId}`)
  }
  if (event.type === 'SourceRevised') {
    const d = event.data
    const revision = doc.revisions.length + 1
    // A new text is a new version; the versions before it stay, and it names the one it revises.
    const snapshots = d.snapshot
      ? [...doc.snapshots, { version: revision, sha256: d.snapshot.sha256, publishedAt: d.revisedAt, revisionOf: doc.snapshots.at(-1)?.version ?? null }]
      : doc.snapshots
    return {
      ...doc,
      ...(d.title !== undefined && { title: d.title }),
      ...(d.snapshot && { snapshotSha256: d.snapshot.sha256 }),
      snapshots,
      revisions: [...doc.revisions, { revision, note: d.note, revisedAt: d.revisedAt, ...(d.snapshot && { snapshotSha256: d.snapshot.sha256 }), stamp }],
      lastPosition,
    }
  }
  if (doc.retracted) throw reducerBug('source', event, `source ${doc.sourceId} is already retracted`)
  return { ...doc, retracted: { reason: event.data.reason, at: event.data.retractedAt }, lastPosition }
}
