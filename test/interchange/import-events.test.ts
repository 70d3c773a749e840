import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import type { RecordedEvent } from '../../events/envelope.js'
import { importEvents } from '../../src/interchange/import-events.js'
import { toEventLine } from '../../src/interchange/ndjson-event.js'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { collect, newEvent, newEvents } from '../store/conformance/fixtures.js'

/** A directory for this test's files (made once: tap's testdir starts it afresh on every call). */
function dirOf(t: Test): string {
  const dir = join(t.testdir(), 'files')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** A small exported log: three streams, interleaved, several events per append. */
async function exportedLog(dir: string): Promise<{ lines: string[]; events: RecordedEvent[] }> {
  const store = await createSqliteEventStore({ path: join(dir, 'source.db') })
  for (const [stream, n] of [['a', 2], ['b', 1], ['a', 3], ['c', 2], ['b', 2]] as const) {
    const result = await store.append(stream, newEvents(n), { expectedRevision: 'any' })
    if (!result.ok) throw new Error('append refused')
  }
  const events = await collect(store.readAll())
  await store.close()
  return { lines: events.map(toEventLine), events }
}

async function importText(t: Test, dir: string, text: string, name: string, window?: number) {
  const file = join(dir, `${name}.ndjson`)
  writeFileSync(file, text)
  const store = await createSqliteEventStore({ path: join(dir, `${name}.db`) })
  t.teardown(() => store.close())
  const result = await importEvents(store, file, window === undefined ? {} : { window })
  return { result, stored: await collect(store.readAll()), store, file }
}

t.test('an export imports whole: same events, revisions, positions and hashes', async t => {
  const dir = dirOf(t)
  const { lines, events } = await exportedLog(dir)
  const { result, stored } = await importText(t, dir, `${lines.join('\n')}\n`, 'whole')
  t.strictSame(result, { ok: true, imported: events.length, skipped: 0 })
  t.strictSame(stored, events)
})

t.test('importing the same file again skips every event', async t => {
  const dir = dirOf(t)
  const { lines, events } = await exportedLog(dir)
  const { store, file } = await importText(t, dir, `${lines.join('\n')}\n`, 'twice')
  t.strictSame(await importEvents(store, file), { ok: true, imported: 0, skipped: events.length })
  t.equal(await store.headPosition(), BigInt(events.length))
})

t.test('CRLF and lone CR line ends, blank lines and no final newline read as readline reads them', async t => {
  const dir = dirOf(t)
  const { lines, events } = await exportedLog(dir)
  const text = `${lines[0]}\r\n\r\n${lines[1]}\r${lines.slice(2, 5).join('\n')}\n\n  \n${lines.slice(5).join('\r\n')}`
  const { result, stored } = await importText(t, dir, text, 'line-ends')
  t.strictSame(result, { ok: true, imported: events.length, skipped: 0 })
  t.strictSame(stored, events)
})

t.test('line numbers count blank lines', async t => {
  const dir = dirOf(t)
  const { lines } = await exportedLog(dir)
  const text = `${lines[0]}\n\n\r\n${lines[1]}\n{oops\n${lines.slice(2).join('\n')}\n`
  const { result } = await importText(t, dir, text, 'numbering')
  // Lines 1 and 4 are the first append of stream a: still one pending batch when line 5 fails, so not written.
  t.strictSame(result, { ok: false, line: 5, message: 'line 5: not valid JSON', imported: 0 })
})

t.test('a tampered event is refused with its line; nothing from its batch on is written', async t => {
  const dir = dirOf(t)
  const { lines, events } = await exportedLog(dir)
  const tampered = JSON.parse(lines[5]!) as { data: { n: number } }
  tampered.data.n += 1
  const text = [...lines.slice(0, 5), JSON.stringify(tampered), ...lines.slice(6)].join('\n')
  // Lines 4 and 5 (a@2, a@3) would have been appended together with line 6 (a@4): they go with it.
  for (const window of [undefined, 1]) {
    const { result, stored } = await importText(t, dir, text, `tampered-${window ?? 'default'}`, window)
    t.strictSame(result, { ok: false, line: 6, message: 'line 6: hash does not match the event (tampered or corrupted)', imported: 3 }, `window ${window ?? 'default'}`)
    t.strictSame(stored, events.slice(0, 3), `window ${window ?? 'default'}: exactly the appends completed before its batch`)
  }
})

t.test('a broken chain is refused at the event whose prevHash does not follow', async t => {
  const dir = dirOf(t)
  const { lines, events } = await exportedLog(dir)
  // Drop a's revision 1: revision 2 then names a prevHash the import has not seen for a.
  const text = [...lines.slice(0, 1), ...lines.slice(2)].join('\n')
  const { result, stored } = await importText(t, dir, text, 'chain')
  t.strictSame(result, { ok: false, line: 3, message: `line 3: prevHash does not match the previous event of a`, imported: 1 })
  t.strictSame(stored.map(e => e.id), [events[0]!.id], 'a@0 only: b@0 was still a pending batch')
})

t.test('an event the target already has elsewhere is refused with its line', async t => {
  const dir = dirOf(t)
  const { lines, events } = await exportedLog(dir)
  const file = join(dir, 'conflict.ndjson')
  writeFileSync(file, `${lines.join('\n')}\n`)
  const store = await createSqliteEventStore({ path: join(dir, 'conflict.db') })
  t.teardown(() => store.close())
  // The target already holds b's first event id in another stream.
  await store.append('elsewhere', [{ ...newEvent(), id: events[2]!.id }], { expectedRevision: 'no_stream' })
  const result = await importEvents(store, file)
  t.strictSame(result, { ok: false, line: 3, message: `line 3: event ${events[2]!.id} already stored elsewhere`, imported: 2 })
})

t.test('a file larger than one read chunk imports whole', async t => {
  const dir = dirOf(t)
  const store = await createSqliteEventStore({ path: join(dir, 'big-source.db') })
  const big = { text: 'x'.repeat(3000) }
  for (let i = 0; i < 800; i++) {
    const result = await store.append(`s-${i % 7}`, [newEvent({ data: { i, big } })], { expectedRevision: 'any' })
    if (!result.ok) throw new Error('append refused')
  }
  const events = await collect(store.readAll())
  await store.close()
  const text = `${events.map(toEventLine).join('\n')}\n`
  t.ok(Buffer.byteLength(text) > 2 * (1 << 20), 'more than two 1 MiB chunks')
  const { result, stored } = await importText(t, dir, text, 'big')
  t.strictSame(result, { ok: true, imported: 800, skipped: 0 })
  t.strictSame(stored, events)
})
