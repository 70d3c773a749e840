import pg from 'pg'
import t from 'tap'
import { v7 as uuidv7 } from 'uuid'
import type { NewEvent, RecordedEvent } from '../../events/envelope.js'
import type { AppendResult } from '../../src/store/port.js'
import { createPostgresEventStore, type PostgresEventStore } from '../../src/store/postgres/create-postgres-event-store.js'
import { freshPostgresDatabase } from '../helpers/postgres.js'

function event(n: number): NewEvent {
  return {
    id: uuidv7(),
    type: 'Probe',
    schemaVersion: 1,
    data: { n },
    metadata: { actor: 'instances-test', role: 'system', correlationId: 'c', causationId: 'c', recordedAt: '2024-11-27T00:00:00.000Z' },
  }
}

async function open(t: { teardown(fn: () => unknown): void }, connectionString: string): Promise<PostgresEventStore> {
  const store = await createPostgresEventStore({ connectionString, pollIntervalMs: 200 })
  t.teardown(() => store.close())
  return store
}

t.test('concurrent appends are grouped: many callers, few transactions, each caller its own result', async (t) => {
  const db = await freshPostgresDatabase(t, 'group_commit')
  const store = await open(t, db.connectionString)
  const results = await Promise.all(Array.from({ length: 60 }, (_, i) => store.append(`fact-${i % 6}`, [event(i), event(i)], { expectedRevision: 'any' })))
  t.ok(results.every((r) => r.ok && !r.duplicate), 'every append succeeded')
  t.strictSame(
    results.map((r) => r.ok && r.position),
    Array.from({ length: 60 }, (_, i) => BigInt(2 * i + 2)),
    'positions follow call order',
  )
  // Rows written by one transaction share its xmin: fewer transactions than appends means group commit happened.
  const client = new pg.Client({ connectionString: db.connectionString })
  await client.connect()
  const { rows } = await client.query<{ n: number }>('SELECT count(DISTINCT xmin::text)::int AS n FROM events')
  await client.end()
  t.ok(rows[0]!.n < 60, `${rows[0]!.n} transactions for 60 appends`)
})

t.test('two app instances on one database: one global order, conflicts detected across them, live delivery to both', async (t) => {
  const db = await freshPostgresDatabase(t, 'instances')
  const a = await open(t, db.connectionString)
  const b = await open(t, db.connectionString)

  // Both race for every revision of one stream with exact expected revisions: exactly one wins each time.
  const contested = 'fact-contested'
  let revision: bigint | 'no_stream' = 'no_stream'
  for (let round = 0; round < 20; round++) {
    const expectedRevision: bigint | 'no_stream' = revision
    const both: AppendResult[] = await Promise.all([a.append(contested, [event(round)], { expectedRevision }), b.append(contested, [event(round)], { expectedRevision })])
    const [ra, rb] = both
    const winners = both.filter((r) => r.ok)
    const losers = both.filter((r) => !r.ok)
    if (winners.length !== 1 || losers[0]?.ok !== false || losers[0].error.code !== 'WrongExpectedRevision') {
      t.fail(`round ${round}: exactly one winner`, { ra, rb })
      return
    }
    const winner = winners[0]!
    if (winner.ok) revision = winner.nextExpectedRevision
  }
  t.equal(revision, 19n, 'twenty rounds, twenty winners')

  const head = await a.headPosition()
  const seenByA: RecordedEvent[] = []
  const seenByB: RecordedEvent[] = []
  const follow = (store: PostgresEventStore, into: RecordedEvent[], until: bigint) =>
    (async () => {
      const ac = new AbortController()
      for await (const e of store.subscribeToAll({ fromPosition: head, signal: ac.signal })) {
        into.push(e)
        if (e.position >= until) ac.abort()
      }
    })()
  const expectedLast = head + 200n
  const followers = [follow(a, seenByA, expectedLast), follow(b, seenByB, expectedLast)]
  await Promise.all(
    [a, b].flatMap((store, s) =>
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 25; i++) await store.append(`source-${s}-${w}`, [event(i)], { expectedRevision: 'any' })
      }),
    ),
  )
  await Promise.all(followers)
  const positions = (events: RecordedEvent[]) => events.map((e) => e.position)
  const dense = Array.from({ length: 200 }, (_, i) => head + BigInt(i + 1))
  t.strictSame(positions(seenByA), dense, 'instance a saw every commit of both, in order, no gap')
  t.strictSame(seenByB, seenByA, 'instance b saw exactly the same')
})

t.test('an append PostgreSQL cannot store fails alone; the appends grouped with it are written', async (t) => {
  const db = await freshPostgresDatabase(t, 'group_isolation')
  const store = await open(t, db.connectionString)
  // A NUL character passes the port's checks (SQLite can store it) but not PostgreSQL's text type.
  const bad = { ...event(-1), type: 'Bad\u0000Type' }
  const calls = [
    ...Array.from({ length: 5 }, (_, i) => store.append(`fact-${i}`, [event(i)], { expectedRevision: 'no_stream' })),
    store.append('fact-bad', [bad], { expectedRevision: 'no_stream' }),
    ...Array.from({ length: 5 }, (_, i) => store.append(`fact-${i + 5}`, [event(i + 5)], { expectedRevision: 'no_stream' })),
  ]
  const settled = await Promise.allSettled(calls)
  t.strictSame(
    settled.map((s) => s.status),
    [...Array(5).fill('fulfilled'), 'rejected', ...Array(5).fill('fulfilled')],
  )
  const rejected = settled[5] as PromiseRejectedResult
  t.match(String(rejected.reason), /invalid byte sequence|0x00/, 'the database error reaches its caller')
  const all: RecordedEvent[] = []
  for await (const e of store.readAll()) all.push(e)
  t.strictSame(
    all.map((e) => e.stream),
    Array.from({ length: 10 }, (_, i) => `fact-${i}`),
    'the ten good appends, in call order, positions without a hole',
  )
  t.strictSame(
    all.map((e) => e.position),
    Array.from({ length: 10 }, (_, i) => BigInt(i + 1)),
  )
})
