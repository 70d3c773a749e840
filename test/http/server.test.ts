import { pino } from 'pino'
import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { startServer } from '../../src/http/server.js'
import { openRuntime } from '../../src/runtime.js'
import type { EventStore } from '../../src/store/port.js'
import { createMemoryBackend } from '../helpers/memory-read-model.js'
import { keys } from './harness.js'

const env = (extra: Record<string, string> = {}) =>
  loadConfig({ PORT: '0', HOST: '127.0.0.1', FACTLEDGER_DEMO: 'false', FACTLEDGER_API_KEYS: `${keys.editor}:editor`, ...extra })

/** A promise and the function that settles it. */
function latch<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** The memory store with appends held at a gate, to have a write in flight on demand. */
function gatedBackend() {
  const backend = createMemoryBackend()
  const entered = latch()
  const release = latch()
  let appendsInFlight = 0
  let inFlightAtClose: number | null = null
  const store: EventStore = {
    ...backend.store,
    async append(stream, events, options) {
      appendsInFlight++
      entered.resolve()
      await release.promise
      try {
        return await backend.store.append(stream, events, options)
      } finally {
        appendsInFlight--
      }
    },
    async close() {
      inFlightAtClose = appendsInFlight
      await backend.store.close()
    },
  }
  return { backend: { ...backend, store, close: () => store.close() }, storage: backend.store.storage, entered, release, inFlightAtClose: () => inFlightAtClose }
}

t.test('close() lets a write in flight finish, then closes the store', async (t) => {
  const gated = gatedBackend()
  const runtime = await openRuntime(env(), pino({ level: 'silent' }), gated.backend)
  const server = await startServer(runtime)
  const write = fetch(`${server.url}/facts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${keys.editor}`, 'content-type': 'application/json' },
    body: JSON.stringify({ factId: 'in-flight-fact', question: 'How many writes were in flight?', subject: 'shutdown', unit: 'writes', kind: 'count' }),
  })
  await gated.entered.promise
  const closing = server.close()
  // The listener is closed at once: a new client is turned away while the write is still held.
  const late = await fetch(`${server.url}/health`).then(
    (res) => `status ${res.status}`,
    () => 'refused',
  )
  t.ok(late === 'refused' || late === 'status 503', `a new request during shutdown is refused (${late})`)
  t.equal(gated.inFlightAtClose(), null, 'the store is still open while the write is held')
  gated.release.resolve()
  const res = await write
  t.equal(res.status, 201, 'the write in flight completed')
  t.match(await res.json(), { id: 'in-flight-fact', position: '1' })
  await closing
  await server.closed
  t.equal(gated.inFlightAtClose(), 0, 'the store closed only after the append finished')
  t.same(gated.storage.events.map((e) => e.stream), ['fact-in-flight-fact'], 'the event is stored')
  t.equal(server.close(), server.close(), 'close is idempotent')
})

t.test('an empty ledger gets the demo corpus unless FACTLEDGER_DEMO=false', async (t) => {
  const withDemo = await startServer(await openRuntime(env({ FACTLEDGER_DEMO: 'true' }), pino({ level: 'silent' }), createMemoryBackend()))
  t.teardown(() => withDemo.close())
  const facts = (await (await fetch(`${withDemo.url}/facts?limit=200`)).json()) as { items: { factId: string; status: string }[] }
  t.ok(facts.items.length > 0, 'demo facts are served')
  t.ok(facts.items.some((f) => f.status === 'confirmed'), 'and reconciled')

  const without = await startServer(await openRuntime(env(), pino({ level: 'silent' }), createMemoryBackend()))
  t.teardown(() => without.close())
  t.same(await (await fetch(`${without.url}/facts`)).json(), { items: [], next: null })
})

t.test('a ledger that already holds events is not given the demo', async (t) => {
  const backend = createMemoryBackend()
  const first = await openRuntime(env(), pino({ level: 'silent' }), backend)
  const defined = await first.ledger.defineFact({ actor: 'test', role: 'system' }, { factId: 'own-fact', question: 'How many own facts?', subject: 'own', unit: 'facts', kind: 'count' })
  t.ok(defined.ok)
  const server = await startServer(await openRuntime(env({ FACTLEDGER_DEMO: 'true' }), pino({ level: 'silent' }), backend))
  t.teardown(() => server.close())
  const body = (await (await fetch(`${server.url}/facts`)).json()) as { items: { factId: string }[] }
  t.same(body.items.map((f) => f.factId), ['own-fact'])
})
