import type pg from 'pg'
import type { RecordedEvent } from '../../../events/envelope.js'
import { decideAppend, type AppendDecision, type AppendRequest, type StreamHead } from '../shared/append-decision.js'
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row.js'

/** Key of the transaction-scoped advisory lock every append takes: the single sequencer. */
export const SEQUENCER_LOCK_KEY = 7_201_000_002

/** The channel the append transaction notifies on; delivered to listeners at commit. */
export const EVENTS_CHANNEL = 'factledger_events'

/**
 * Writes a group of appends (possibly to different streams) in ONE transaction.
 *
 * Global order — why a single sequencer: every append transaction first takes
 * `pg_advisory_xact_lock(SEQUENCER_LOCK_KEY)` and only then reads max(position)
 * and assigns max + 1, max + 2, ... The lock is released after the commit is
 * visible, so the next writer's positions are assigned after ours are
 * readable: positions become visible strictly in order and a reader that sees
 * position N has already been able to see N - 1. A catch-up reader polling
 * `position > last` can therefore never skip an in-flight commit (the classic
 * sequence/identity gap, where a lower number commits after a higher one).
 * The price is one writer at a time across all processes; group commit
 * (many appends per transaction) is what buys the throughput back.
 *
 * The expected-revision check runs on `streams` rows locked FOR UPDATE inside
 * the same transaction, so it is atomic with the insert.
 */
export async function appendGroup(client: pg.PoolClient, requests: AppendRequest[]): Promise<AppendDecision[]> {
  // Round trips are the cost of an append here, so the transaction takes four:
  // begin + sequencer lock, read what the decisions need, write, commit.
  await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${SEQUENCER_LOCK_KEY})`)
  try {
    const streams = [...new Set(requests.map((r) => r.stream))]
    const ids = requests.flatMap((r) => r.events.map((e) => e.event.id))
    const { heads, stored, nextPosition: first } = await readGroupState(client, streams, ids)
    let nextPosition = first

    const decisions: AppendDecision[] = []
    const toWrite: RecordedEvent[] = []
    const texts: Array<{ data: string; metadata: string }> = []
    for (const request of requests) {
      const decision = decideAppend(request, { head: heads.get(request.stream) ?? null, storedEvent: (id) => stored.get(id), nextPosition })
      decisions.push(decision)
      const last = decision.written.at(-1)
      if (!last) continue
      // Later appends of the same group see this one, exactly as if they ran after it.
      for (const event of decision.written) stored.set(event.id, event)
      heads.set(request.stream, { revision: last.revision, hash: last.hash })
      nextPosition = last.position + 1n
      toWrite.push(...decision.written)
      texts.push(...request.events.map((e) => ({ data: e.dataText, metadata: e.metadataText })))
    }

    if (toWrite.length > 0) await writeGroup(client, toWrite, texts)
    await client.query('COMMIT')
    return decisions
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

/**
 * In one query: the heads of the group's streams (locked FOR UPDATE, so the
 * expected-revision check is atomic with the insert), the next position, and
 * whether any of the event ids is already stored. Those events are read in
 * full only when one is (an idempotent retry), which is rare.
 */
async function readGroupState(client: pg.PoolClient, streams: string[], ids: string[]) {
  const { rows } = await client.query<{ max: string; heads: Array<[string, string, string]>; known: number }>(
    `SELECT
       (SELECT coalesce(max(position), 0)::text FROM events) AS max,
       (SELECT coalesce(json_agg(json_build_array(h.stream, h.revision::text, h.last_hash)), '[]'::json)
          FROM (SELECT stream, revision, last_hash FROM streams WHERE stream = ANY($1::text[]) FOR UPDATE) h) AS heads,
       (SELECT count(*)::int FROM events WHERE id = ANY($2::text[])) AS known`,
    [streams, ids],
  )
  const row = rows[0]!
  const heads = new Map<string, StreamHead>(row.heads.map(([stream, revision, hash]) => [stream, { revision: BigInt(revision), hash }]))
  const stored = new Map<string, RecordedEvent>()
  if (row.known > 0) {
    const storedRows = await client.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ANY($1::text[])`, [ids])
    for (const event of storedRows.rows) stored.set(event.id, toRecordedEvent(event))
  }
  return { heads, stored, nextPosition: BigInt(row.max) + 1n }
}

/**
 * In one statement: move each touched stream's head to its last new event
 * (created on first append), insert the events (one multi-row INSERT: unnest
 * turns the column arrays into rows), and notify listeners, which PostgreSQL
 * delivers at commit.
 */
async function writeGroup(client: pg.PoolClient, events: RecordedEvent[], texts: Array<{ data: string; metadata: string }>): Promise<void> {
  const lastPerStream = new Map<string, RecordedEvent>()
  for (const event of events) lastPerStream.set(event.stream, event)
  const heads = [...lastPerStream.values()]
  await client.query(
    `WITH heads AS (
       INSERT INTO streams (stream, revision, last_hash)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
       ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash
     ), written AS (
       INSERT INTO events (position, stream, revision, id, type, schema_version, data, metadata, hash, prev_hash)
       SELECT position, stream, revision, id, type, schema_version, data::json, metadata::json, hash, prev_hash
       FROM unnest($4::bigint[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::integer[], $10::text[], $11::text[], $12::text[], $13::text[])
         AS t(position, stream, revision, id, type, schema_version, data, metadata, hash, prev_hash)
     )
     SELECT pg_notify($14, $15)`,
    [
      heads.map((e) => e.stream),
      heads.map((e) => e.revision.toString()),
      heads.map((e) => e.hash),
      events.map((e) => e.position.toString()),
      events.map((e) => e.stream),
      events.map((e) => e.revision.toString()),
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      texts.map((x) => x.data),
      texts.map((x) => x.metadata),
      events.map((e) => e.hash),
      events.map((e) => e.prevHash),
      EVENTS_CHANNEL,
      events.at(-1)!.position.toString(),
    ],
  )
}
