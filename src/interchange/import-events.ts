import type { RecordedEvent } from '../../events/envelope.js'
import { hashEvent } from '../store/hash-chain.js'
import type { AppendResult, EventStore } from '../store/port.js'
import { parseEventLine } from './ndjson-event.js'
import { readLineChunks } from './ndjson-lines.js'

/** Appends in flight at once; large enough that a whole read chunk goes into one group commit. */
export const DEFAULT_IMPORT_WINDOW = 4096

export type ImportResult =
  | { ok: true; imported: number; skipped: number }
  | { ok: false; line: number; message: string; imported: number }

/**
 * Append an exported log to a store, keeping every event's id, stream,
 * revision, payload and hash. Each line's hash is recomputed first, so a
 * tampered export is refused at the first bad line. Events go in at their
 * original revisions (expectedRevision = revision - 1), so importing the same
 * file twice is an idempotent retry, and consecutive events of one stream are
 * appended as one batch. Appends are pipelined without waiting for each other;
 * the store's group commit writes them in order, several per transaction.
 * Stores that do not queue appends in call order need `window: 1`.
 */
export async function importEvents(store: EventStore, path: string, options: { window?: number; onProgress?: (n: number) => void } = {}): Promise<ImportResult> {
  const window = options.window ?? DEFAULT_IMPORT_WINDOW
  const inFlight: Array<{ line: number; result: Promise<AppendResult> }> = []
  let imported = 0
  let skipped = 0
  let lineNumber = 0
  let batch: { line: number; stream: string; events: RecordedEvent[] } | null = null
  const lastHash = new Map<string, string>()

  const settle = async (upTo: number): Promise<ImportResult | null> => {
    while (inFlight.length > upTo) {
      const { line, result } = inFlight.shift()!
      const r = await result
      if (!r.ok) {
        const detail = r.error.code === 'WrongExpectedRevision' ? `${r.error.stream} is at revision ${r.error.actual}, the export expects ${r.error.expected}` : `event ${r.error.eventId} already stored elsewhere`
        return { ok: false, line, message: `line ${line}: ${detail}`, imported }
      }
      if (r.duplicate) skipped += r.events.length
      else imported += r.events.length
      options.onProgress?.(imported + skipped)
    }
    return null
  }
  /** Append the pending batch (without waiting for it). */
  const flush = (): void => {
    if (!batch) return
    const first = batch.events[0]!
    const expectedRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n
    inFlight.push({ line: batch.line, result: store.append(batch.stream, batch.events.map(({ id, type, schemaVersion, data, metadata }) => ({ id, type, schemaVersion, data, metadata })), { expectedRevision }) })
    batch = null
  }

  // A chunk's lines are read and appended in one go (an await only when the window is full),
  // so their appends are queued in the same turn of the event loop: one group commit.
  for await (const lines of readLineChunks(path)) {
    for (const raw of lines) {
      lineNumber++
      if (raw.trim() === '') continue
      const parsed = parseEventLine(raw, lineNumber)
      if (!parsed.ok) {
        await settle(0)
        return { ok: false, line: lineNumber, message: parsed.message, imported }
      }
      const e = parsed.event
      const expectedPrev = lastHash.get(e.stream) ?? null
      if (e.prevHash !== expectedPrev && !(expectedPrev === null && e.revision > 0n)) {
        await settle(0)
        return { ok: false, line: lineNumber, message: `line ${lineNumber}: prevHash does not match the previous event of ${e.stream}`, imported }
      }
      if (hashEvent(e, e.stream, e.revision, e.prevHash) !== e.hash) {
        await settle(0)
        return { ok: false, line: lineNumber, message: `line ${lineNumber}: hash does not match the event (tampered or corrupted)`, imported }
      }
      lastHash.set(e.stream, e.hash)
      if (batch && batch.stream === e.stream && batch.events.length < 1000) batch.events.push(e)
      else {
        flush()
        if (inFlight.length > window) {
          const failed = await settle(window)
          if (failed) return failed
        }
        batch = { line: lineNumber, stream: e.stream, events: [e] }
      }
    }
  }
  flush()
  return (await settle(0)) ?? { ok: true, imported, skipped }
}
