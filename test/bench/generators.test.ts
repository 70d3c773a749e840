import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { createClaimEvents } from '../../bench/claim-events.js'
import { generateLedger } from '../../bench/ledger-generator.js'
import { writeLedgerNdjson } from '../../bench/ledger-ndjson.js'
import { createRandom } from '../../bench/random.js'
import { decodeEventData } from '../../events/decode.js'
import { Uuid } from '../../events/ids.js'
import { importEvents } from '../../src/interchange/import-events.js'
import { createProjectionRunner } from '../../src/runner/projection-runner.js'
import { createSqliteEventStore } from '../../src/store/sqlite/create-sqlite-event-store.js'
import { createMemoryBackend } from '../helpers/memory-read-model.js'
import { pino } from 'pino'

const silent = pino({ enabled: false })

t.test('generateLedger yields exactly the asked number of events, the same ones for the same seed', async (t) => {
  const ids = (seed: number) => [...generateLedger(500, seed)].map((e) => e.event.id)
  t.equal(ids(6).length, 500)
  t.same(ids(6), ids(6))
  t.not(ids(6).join(), ids(7).join())
  t.equal(new Set(ids(6)).size, 500, 'every event id is unique')
  t.equal([...generateLedger(0)].length, 0)
})

t.test('every generated event decodes with its schema, and revisions run 0, 1, 2, ... per stream', async (t) => {
  const next = new Map<string, bigint>()
  const types = new Set<string>()
  let bad = 0
  for (const { stream, revision, event } of generateLedger(3_000)) {
    const decoded = decodeEventData(event.type, event.schemaVersion, event.data)
    if (!decoded.ok) bad++
    if (revision !== (next.get(stream) ?? 0n)) t.fail(`${stream}: revision ${revision}, expected ${next.get(stream) ?? 0n}`)
    next.set(stream, revision + 1n)
    types.add(event.type)
  }
  t.equal(bad, 0, 'no payload fails its schema')
  t.same([...types].sort(), ['ClaimCorrected', 'ClaimDisputed', 'ClaimReassigned', 'ClaimRecorded', 'ClaimRetracted', 'FactDefined', 'FactPinned', 'FactUnpinned', 'SourceRegistered', 'SourceRetracted', 'SourceRevised'], 'a newsroom lifecycle, not only recordings')
})

t.test('the generated ledger folds through the real reducers and policy without a reducer error', async (t) => {
  const backend = createMemoryBackend()
  for (const { stream, revision, event } of generateLedger(2_000)) {
    const result = await backend.store.append(stream, [event], { expectedRevision: revision === 0n ? 'no_stream' : revision - 1n })
    if (!result.ok) t.fail(`append to ${stream} refused: ${result.error.code}`)
  }
  const runner = createProjectionRunner({ store: backend.store, readModel: backend.readModel, logger: silent, batchSize: 250 })
  t.equal(await runner.catchUp(), 2_000n)
  const page = await backend.readModel.listFactViews({ limit: 1000 })
  t.ok(page.items.length > 100, `many facts (${page.items.length})`)
  const claims = await Promise.all(page.items.slice(0, 50).map((v) => backend.readModel.getClaimsOfFact(v.factId)))
  const average = claims.reduce((n, c) => n + c.length, 0) / claims.length
  t.ok(average >= 2 && average <= 15, `a handful of claims per fact (${average.toFixed(1)})`)
})

t.test('writeLedgerNdjson writes an export that importEvents accepts line for line', async (t) => {
  const dir = t.testdir()
  const file = join(dir, 'ledger.ndjson')
  const written = await writeLedgerNdjson(file, 1_200)
  t.equal(written.events, 1_200)
  t.ok(written.payloadBytes > 250 && written.payloadBytes < 900, `payload bytes per event (${Math.round(written.payloadBytes)})`)
  t.equal(readFileSync(file, 'utf8').trim().split('\n').length, 1_200)
  const store = await createSqliteEventStore({ path: join(dir, 'ledger.db') })
  t.teardown(() => store.close())
  t.same(await importEvents(store, file), { ok: true, imported: 1_200, skipped: 0 })
})

t.test('createClaimEvents makes valid ClaimRecorded events, each for its own new claim stream', async (t) => {
  const next = createClaimEvents(3)
  const events = Array.from({ length: 2_000 }, next)
  t.equal(new Set(events.map((e) => e.event.id)).size, 2_000, 'ids never repeat')
  for (const { stream, event } of events.slice(0, 100)) {
    t.equal(stream, `claim-${event.id}`)
    t.ok(Uuid.safeParse(event.id).success, `${event.id} is a UUID`)
    t.equal((event.data as { claimId: string }).claimId, event.id)
    t.ok(decodeEventData(event.type, event.schemaVersion, event.data).ok)
  }
})

t.test('createRandom is deterministic per seed and stays within its ranges', async (t) => {
  const a = createRandom(1)
  const b = createRandom(1)
  const xs = Array.from({ length: 1_000 }, () => a.next())
  t.same(xs, Array.from({ length: 1_000 }, () => b.next()))
  t.ok(xs.every((x) => x >= 0 && x < 1))
  const r = createRandom(2)
  t.ok(Array.from({ length: 1_000 }, () => r.int(7)).every((n) => Number.isInteger(n) && n >= 0 && n < 7))
  t.ok(Uuid.safeParse(r.uuid7(Date.parse('2024-09-01T00:00:00Z'))).success)
})
