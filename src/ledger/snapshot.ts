import { createHash } from 'node:crypto'
import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** One text a source had: version 0 is the registered text, n the text of revision n. */
export interface SnapshotVersion {
  version: number
  text: string
  sha256: string
  /** When this text became public: the source's publication date, or the revision's. */
  publishedAt: string
}

/**
 * Every snapshot text of a source stream, oldest first. A revision adds a
 * version; no text is ever replaced, so a citation's offsets into an older
 * version keep pointing at the words it quoted.
 */
export function snapshotVersions(events: readonly RecordedEvent[]): SnapshotVersion[] {
  const versions: SnapshotVersion[] = []
  let revision = 0
  for (const recorded of events) {
    const event = decodeRecorded(recorded)
    if (event.type === 'SourceRevised') revision++
    if (event.type === 'SourceRegistered' && event.data.snapshot) {
      versions.push({ version: 0, text: event.data.snapshot.text, sha256: event.data.snapshot.sha256, publishedAt: event.data.publishedAt })
    }
    if (event.type === 'SourceRevised' && event.data.snapshot) {
      versions.push({ version: revision, text: event.data.snapshot.text, sha256: event.data.snapshot.sha256, publishedAt: event.data.revisedAt })
    }
  }
  return versions
}

/** The revisions of a source stream by number (1 for the first), with their dates. */
export function sourceRevisionDates(events: readonly RecordedEvent[]): Map<number, string> {
  const dates = new Map<number, string>()
  for (const recorded of events) {
    const event = decodeRecorded(recorded)
    if (event.type === 'SourceRevised') dates.set(dates.size + 1, event.data.revisedAt)
  }
  return dates
}
