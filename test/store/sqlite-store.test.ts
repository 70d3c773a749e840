import { existsSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import type { NewEvent, RecordedEvent } from '../../events/envelope.js'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { collect, newEvent, newEvents } from './conformance/fixtures.js'

const open = (t: Test) => createSqliteEventStore({ path: join(t.testdir(), 'ledger.db') })

t.test('bad append arguments throw a TypeError naming the problem and write nothing', async t => {
  const store = await open(t)
  const ok = (stream: string, events: NewEvent[], expectedRevision: unknown = 'any') =>
    store.append(stream, events, { expectedRevision: expectedRevision as 'any' })
  await t.resolves(ok('s'.repeat(200), [newEvent()]), 'a 200-character stream name is fine')
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    ['201-character stream name', () => ok('s'.repeat(201), [newEvent()]), /stream name must be a string of 1 to 200/],
    ['expectedRevision as a number', () => ok('s', [newEvent()], 3), /expectedRevision must be/],
    ['negative expectedRevision', () => ok('s', [newEvent()], -1n), /expectedRevision must be/],
    ['unknown expectedRevision', () => ok('s', [newEvent()], 'latest'), /expectedRevision must be/],
    ['schemaVersion 0', () => ok('s', [newEvent({ schemaVersion: 0 })]), /schemaVersion must be a positive integer/],
    ['empty type', () => ok('s', [newEvent({ type: '' })]), /type must be a string/],
    ['missing metadata', () => ok('s', [newEvent({ metadata: null as never })]), /metadata must be a plain object/],
    ['a Date in data', () => ok('s', [newEvent({ data: { at: new Date(0) } })]), /data\.at is a Date, not plain JSON/],
    ['NaN in data', () => ok('s', [newEvent({ data: { list: [1, Number.NaN] } })]), /data\.list\[1\] is NaN/],
    ['Infinity in data', () => ok('s', [newEvent({ data: { x: Infinity } })]), /data\.x is Infinity/],
    ['a function in data', () => ok('s', [newEvent({ data: { f: () => 1 } })]), /data\.f is a function/],
    ['a Map in data', () => ok('s', [newEvent({ data: new Map() })]), /data is a Map/],
    ['undefined data', () => ok('s', [newEvent({ data: undefined })]), /data is undefined/],
  ]
  for (const [what, call, message] of cases) await t.rejects(call(), { name: 'TypeError', message }, what)
  t.equal(await store.headPosition(), 1n, 'only the valid append was written')
  await store.close()
})

t.test('data is stored as the text JSON.stringify gives; an undefined property is dropped', async t => {
  const store = await open(t)
  const data = { zulu: 'Z', alpha: [1, { b: 2, a: 1 }], gone: undefined }
  const result = await store.append('s', [newEvent({ data })], { expectedRevision: 'no_stream' })
  const row = store.database.prepare('SELECT data, metadata FROM events').get() as { data: string; metadata: string }
  t.equal(row.data, '{"zulu":"Z","alpha":[1,{"b":2,"a":1}]}')
  t.match(result, { ok: true, events: [{ data: { zulu: 'Z', alpha: [1, { b: 2, a: 1 }] } }] })
  t.notOk(result.ok && 'gone' in (result.events[0]!.data as object), 'the returned event is what a read returns')
  await store.close()
})

t.test('stored events cannot be updated or deleted', async t => {
  const store = await open(t)
  await store.append('s', [newEvent()], { expectedRevision: 'no_stream' })
  t.throws(() => store.database.prepare("UPDATE events SET data = '{}'").run(), /events are append-only/)
  t.throws(() => store.database.prepare('DELETE FROM events').run(), /events are append-only/)
  await store.close()
})

t.test('a subscriber sees commits made through another connection to the same file', async t => {
  const path = join(t.testdir(), 'ledger.db')
  const writer = await createSqliteEventStore({ path })
  const reader = await createSqliteEventStore({ path, pollIntervalMs: 20 })
  const first = await writer.append('s', newEvents(2), { expectedRevision: 'no_stream' })
  const ac = new AbortController()
  const seen: RecordedEvent[] = []
  const done = (async () => {
    for await (const event of reader.subscribeToAll({ fromPosition: 0n, signal: ac.signal })) {
      seen.push(event)
      if (seen.length === 2) await writer.append('s', [newEvent()], { expectedRevision: 1n })
      if (seen.length === 3) ac.abort()
    }
  })()
  await done
  t.strictSame(seen, await collect(writer.readAll()))
  t.match(first, { ok: true })
  await reader.close()
  await writer.close()
})

t.test('closing the store ends its subscriptions', async t => {
  const store = await open(t)
  await store.append('s', [newEvent()], { expectedRevision: 'no_stream' })
  const seen: bigint[] = []
  const done = (async () => {
    for await (const event of store.subscribeToAll({ fromPosition: 0n })) {
      seen.push(event.position)
      await store.close()
    }
  })()
  await done
  t.strictSame(seen, [1n])
})

t.test('bad read arguments throw a TypeError', async t => {
  const store = await open(t)
  await t.rejects(collect(store.readAll({ maxCount: -1 })), TypeError)
  await t.rejects(collect(store.readAll({ fromPosition: -1n })), TypeError)
  await t.rejects(collect(store.readStream('s', { fromRevision: 1 as unknown as bigint })), TypeError)
  await t.rejects(collect(store.readStream('s', { direction: 'sideways' as 'forwards' })), TypeError)
  await t.rejects(collect(store.subscribeToAll({ fromPosition: -1n })), TypeError)
  t.strictSame(await collect(store.readAll({ maxCount: 0 })), [], 'maxCount 0 reads nothing')
  await store.close()
})

t.test('readStream and readAll page through more events than one query returns', async t => {
  const store = await open(t)
  await store.append('s', newEvents(1203), { expectedRevision: 'no_stream' })
  const forwards = await collect(store.readStream('s', { fromRevision: 100n }))
  t.strictSame(
    [forwards.length, forwards[0]!.revision, forwards.at(-1)!.revision],
    [1103, 100n, 1202n],
  )
  const backwards = await collect(store.readStream('s', { direction: 'backwards', maxCount: 1001 }))
  t.strictSame(
    [backwards.length, backwards[0]!.revision, backwards.at(-1)!.revision],
    [1001, 1202n, 202n],
  )
  const all = await collect(store.readAll({ fromPosition: 1n, toPosition: 1200n }))
  t.strictSame([all.length, all[0]!.position, all.at(-1)!.position], [1199, 2n, 1200n])
  await store.close()
})

t.test('the directory of the ledger file is created when missing', async t => {
  const path = join(t.testdir(), 'nested', 'deeper', 'ledger.db')
  const store = await createSqliteEventStore({ path })
  t.ok(existsSync(path))
  t.equal(store.database.pragma('journal_mode', { simple: true }), 'wal')
  t.equal(store.database.pragma('synchronous', { simple: true }), 2, 'synchronous = FULL')
  await store.close()
})
