import type { Writable } from 'node:stream'
import type { EventStore } from '../store/port.js'
import { toEventLine } from './ndjson-event.js'

/** Write the whole log, in global order, one event per line. Honors back-pressure. */
export async function exportEvents(store: EventStore, out: Writable): Promise<number> {
  let n = 0
  for await (const event of store.readAll()) {
    if (!out.write(`${toEventLine(event)}\n`)) await new Promise((r) => out.once('drain', r))
    n++
  }
  return n
}
