import { join } from 'node:path'
import Database from 'better-sqlite3'
import t, { type Test } from 'tap'
import type { RecordedEvent } from '../../events/envelope.js'
import { ledgerHead } from '../../src/ledger/tamper/ledger-head.js'
import { verifyLedger } from '../../src/ledger/tamper/verify-ledger.js'
import { hashEvent } from '../../src/store/hash-chain.js'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { appendPlan, THREE_STREAMS } from './ledger-fixture.js'

// Someone with the ledger file but not the application edits rows directly.
// Global order: 1 source-a@0  2 source-a@1  3 fact-b@0  4 claim-c@0  5 claim-c@1
//               6 source-a@2  7 fact-b@1    8 fact-b@2  9 claim-c@2

async function ledgerFile(t: Test): Promise<{ path: string; events: RecordedEvent[] }> {
  const path = join(t.testdir(), 'ledger.db')
  const store = await createSqliteEventStore({ path })
  try {
    return { path, events: await appendPlan(store, THREE_STREAMS) }
  } finally {
    await store.close()
  }
}

/** Runs SQL on the file as an attacker would: no application, and the append-only triggers dropped. */
function editFile(path: string, sql: string): void {
  const db = new Database(path)
  try {
    db.exec('DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;')
    db.exec(sql)
  } finally {
    db.close()
  }
}

async function verifyFile(path: string) {
  const store = await createSqliteEventStore({ path })
  try {
    return await verifyLedger(store)
  } finally {
    await store.close()
  }
}

const bad = (e: RecordedEvent) => ({ position: e.position, eventId: e.id, stream: e.stream, revision: e.revision })

t.test('an untouched SQLite ledger verifies', async (t) => {
  const { path } = await ledgerFile(t)
  const result = await verifyFile(path)
  t.strictSame(result.ok && [result.events, result.streams, result.head.size, result.head.position], [9, 3, 9, 9n])
})

t.test('the append-only triggers refuse a plain UPDATE of an event row', async (t) => {
  const { path } = await ledgerFile(t)
  const db = new Database(path)
  t.teardown(() => db.close())
  t.throws(() => db.prepare("UPDATE events SET data = '{}' WHERE position = 5").run(), /events are append-only/)
})

t.test('an UPDATE of one row\'s data in the file is named as a hash-mismatch at that event', async (t) => {
  const { path, events } = await ledgerFile(t)
  editFile(path, "UPDATE events SET data = json_set(data, '$.value', 15) WHERE position = 5")
  const edited = { ...events[4]!, data: { ...(events[4]!.data as object), value: 15 } }
  const { id, type, schemaVersion, data, metadata } = edited
  t.strictSame(await verifyFile(path), {
    ok: false,
    firstBad: {
      ...bad(events[4]!),
      problem: 'hash-mismatch',
      expected: hashEvent({ id, type, schemaVersion, data, metadata }, edited.stream, edited.revision, edited.prevHash),
      actual: events[4]!.hash,
    },
    checked: 4,
  })
})

t.test('a DELETE of a row in the file is a revision-gap at the next event of its stream', async (t) => {
  const { path, events } = await ledgerFile(t)
  editFile(path, 'DELETE FROM events WHERE position = 7')
  t.strictSame(await verifyFile(path), {
    ok: false,
    firstBad: { ...bad(events[7]!), problem: 'revision-gap', expected: '1', actual: '2' },
    checked: 6,
  })
})

t.test('swapping two rows\' positions in the file is caught in the stream they reorder', async (t) => {
  const { path, events } = await ledgerFile(t)
  editFile(path, 'UPDATE events SET position = -position WHERE position IN (2, 6); UPDATE events SET position = 6 WHERE position = -2; UPDATE events SET position = 2 WHERE position = -6;')
  t.strictSame(await verifyFile(path), {
    ok: false,
    firstBad: { ...bad({ ...events[5]!, position: 2n }), problem: 'revision-gap', expected: '1', actual: '2' },
    checked: 1,
  })
})

t.test('a rewrite with recomputed hashes passes the chains but not the consistency check against a published head', async (t) => {
  const { path } = await ledgerFile(t)
  const store = await createSqliteEventStore({ path })
  const published = await ledgerHead(store)
  await store.close()
  // Rewrite the last claim-c event (the tip of its chain) and give it a matching hash.
  const db = new Database(path)
  db.defaultSafeIntegers(true)
  const row = db.prepare('SELECT * FROM events WHERE position = 9').get() as Record<string, unknown>
  db.close()
  const data = { ...(JSON.parse(row.data as string) as object), value: 15 }
  const hash = hashEvent(
    { id: row.id as string, type: row.type as string, schemaVersion: Number(row.schema_version), data, metadata: JSON.parse(row.metadata as string) },
    row.stream as string,
    row.revision as bigint,
    row.prev_hash as string,
  )
  editFile(path, `UPDATE events SET data = '${JSON.stringify(data)}', hash = '${hash}' WHERE position = 9`)

  const reopened = await createSqliteEventStore({ path })
  t.teardown(() => reopened.close())
  t.equal((await verifyLedger(reopened)).ok, true, 'the chains recompute')
  const now = await ledgerHead(reopened)
  t.equal(now.size, published.size)
  t.not(now.rootHash, published.rootHash, 'the Merkle head differs from the one published before the rewrite')
})
