import { createHash } from 'node:crypto'
import { decodeRecorded } from '../../events/decode.js'
import type { RecordedEvent } from '../../events/envelope.js'

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The latest snapshot text of a source stream (a revision may replace it); null when none was stored. */
export function latestSnapshot(events: readonly RecordedEvent[]): string | null {
  let text: string | null = null
  for (const recorded of events) {
    const event = decodeRecorded(recorded)
    if ((event.type === 'SourceRegistered' || event.type === 'SourceRevised') && event.data.snapshot) text = event.data.snapshot.text
  }
  return text
}
