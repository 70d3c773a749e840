import type { RecordedEvent } from '../../events/envelope.js'
import { parseEventLine } from './ndjson-event.js'
import { readLineChunks } from './ndjson-lines.js'

/** A line of an export that is not an event: its number and what is wrong. */
export class ExportLineError extends Error {
  override readonly name = 'ExportLineError'
}

/** The events of an NDJSON export (`factledger export`), in file order; a bad line throws ExportLineError naming it. */
export async function* readExportEvents(path: string): AsyncGenerator<RecordedEvent> {
  let lineNumber = 0
  for await (const lines of readLineChunks(path)) {
    for (const raw of lines) {
      lineNumber++
      if (raw.trim() === '') continue
      const parsed = parseEventLine(raw, lineNumber)
      if (!parsed.ok) throw new ExportLineError(parsed.message)
      yield parsed.event
    }
  }
}
