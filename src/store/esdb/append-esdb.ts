import type { RecordedEvent } from '../../../events/envelope.js'
import type { AppendResult, ExpectedRevision } from '../port.js'
import { decideAppend } from '../shared/append-decision.js'
import type { PreparedEvent } from '../shared/prepare-append.js'
import type { EsdbClient } from './esdb-client.js'
import { toEsdbEvent, type StreamNames } from './event-mapping.js'
import { chainExpectedRevision } from './map-expected-revision.js'
import { classifyEsdbError } from './map-errors.js'
import { readEsdbStream } from './read-esdb.js'

/** Attempts before an 'any' append that keeps losing races gives up. */
const MAX_ATTEMPTS = 50

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = []
  for await (const event of events) out.push(event)
  return out
}

/**
 * Append with the hash chain on top of EventStoreDB's optimistic concurrency.
 *
 * 1. Read the stream (its head gives revision and prevHash; its ids tell a
 *    retry from new work — EventStoreDB's own idempotency only covers a
 *    retry at the same expected revision).
 * 2. Decide with the same rules as the SQL adapters (decideAppend): retry,
 *    conflict, duplicate id, or new events with their hashes.
 * 3. Append with the EXACT revision that was read, never ANY: the hashes were
 *    computed on top of it. If another writer got in between, the server
 *    refuses (WrongExpectedVersion) and we go back to 1: for 'any' and
 *    'stream_exists' that re-chains on the new head; for an exact revision
 *    or 'no_stream' the second decision reports the conflict.
 * 4. Read the new events back for their $all positions.
 *
 * Limitation: the id check covers this stream only; EventStoreDB does not
 * index event ids across streams, so the same id in another stream is not
 * reported as DuplicateEventId here (the SQL adapters do report it).
 */
export async function appendEsdb(
  client: EsdbClient,
  names: StreamNames,
  stream: string,
  events: PreparedEvent[],
  expectedRevision: ExpectedRevision,
): Promise<AppendResult> {
  const physical = names.toPhysical(stream)
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const existing = await collect(readEsdbStream(client, names, stream))
    const byId = new Map(existing.map((e) => [e.id, e]))
    const last = existing.at(-1)
    const head = last ? { revision: last.revision, hash: last.hash } : null
    const decision = decideAppend({ stream, events, expectedRevision }, { head, storedEvent: (id) => byId.get(id), nextPosition: 0n })
    if (decision.written.length === 0) return decision.result

    try {
      const result = await client.appendToStream(physical, decision.written.map(toEsdbEvent), { expectedRevision: chainExpectedRevision(head?.revision ?? null) })
      // A client configured with throwOnAppendFailure: false reports the race as a value.
      if (!result.success) continue
    } catch (error) {
      const failure = classifyEsdbError(error)
      if (failure.kind === 'wrong-expected-version') continue
      throw failure.kind === 'unavailable' ? failure.error : error
    }

    const first = decision.written[0]!
    const stored = await collect(readEsdbStream(client, names, stream, { fromRevision: first.revision, maxCount: decision.written.length }))
    if (stored.length !== decision.written.length || stored.some((e, i) => e.id !== decision.written[i]!.id)) {
      throw new Error(`${stream}: the events read back after the append are not the ones written`)
    }
    const end = stored.at(-1)!
    return { ok: true, nextExpectedRevision: end.revision, position: end.position, events: stored, duplicate: false }
  }
  throw new Error(`${stream}: gave up after ${MAX_ATTEMPTS} attempts, each overtaken by a concurrent append`)
}
