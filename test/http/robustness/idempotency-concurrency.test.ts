import { join } from 'node:path'
import t, { type Test } from 'tap'
import type { Backend } from '../../../src/backend/open-backend.js'
import { openPostgresBackend } from '../../../src/backend/open-postgres-backend.js'
import { openSqliteBackend } from '../../../src/backend/open-sqlite-backend.js'
import { freshPostgresDatabase } from '../../helpers/postgres.js'
import { closeTestApi, createTestApi, ids, jsonWrite, seed, type TestApi } from '../harness.js'

/**
 * 50 concurrent requests with one Idempotency-Key and five different bodies
 * (ten requests each), on every kind of write route: exactly one body is
 * stored; every request with that body gets the stored result (one fresh,
 * the rest replayed); every other request gets 422 and nothing is written.
 */
interface RouteCase {
  name: string
  method?: 'POST' | 'DELETE'
  url: string
  role?: 'editor' | 'admin'
  body: (variant: number) => Record<string, unknown>
}

const variantOf = (text: string) => Number(/variant (\d)/.exec(text)?.[1] ?? -1)

/** The body variant the one stored event holds. */
async function storedVariant(api: TestApi, eventId: string): Promise<number> {
  for await (const e of api.runtime.store.readAll({ fromPosition: (await api.head()) - 1n })) if (e.id === eventId) return variantOf(JSON.stringify(e.data))
  return -1
}

const cases: RouteCase[] = [
  {
    name: 'POST /claims (creates an entity)',
    url: '/claims',
    body: (v) => ({ factId: ids.fact, sourceId: ids.reuters, citation: { quote: 'The Treasury sanctioned 21 officials' }, attributedTo: `U.S. Treasury variant ${v}`, value: '21', modality: 'official', validAt: '2024-11-27' }),
  },
  {
    name: 'POST /facts (creates an entity)',
    url: '/facts',
    body: (v) => ({ question: `How many were detained, variant ${v}?`, subject: 'detentions', unit: 'persons', kind: 'count' }),
  },
  {
    name: 'POST /sources (creates an entity)',
    url: '/sources',
    body: (v) => ({ publisher: 'Example Wire', title: `Sanctions report variant ${v}`, publishedAt: '2024-11-27', origin: 'example-wire', tier: 2 }),
  },
  {
    name: 'POST /claims/:id/corrections (changes a claim)',
    url: `/claims/${ids.claimAp}/corrections`,
    body: (v) => ({ reason: 'transcription', changes: { attributedTo: `Treasury variant ${v}` } }),
  },
  {
    name: 'POST /facts/:id/pins (changes a fact)',
    url: `/facts/${ids.fact}/pins`,
    body: (v) => ({ claimId: ids.claimAp, reason: `preferred, variant ${v}` }),
  },
  {
    name: 'POST /sources/:id/retractions (changes a source)',
    url: `/sources/${ids.bloomberg}/retractions`,
    body: (v) => ({ retractedAt: '2024-12-01', reason: `withdrawn, variant ${v}` }),
  },
  {
    name: 'POST /policy (admin, one shared stream)',
    url: '/policy',
    role: 'admin',
    body: (v) => ({ aboutTolerance: 0.1, note: `policy variant ${v}` }),
  },
]

async function raceOneKey(t: Test, api: TestApi, c: RouteCase, key: string) {
  const head = await api.head()
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      api.app.inject({ method: c.method ?? 'POST', url: c.url, headers: jsonWrite(c.role ?? 'editor', { 'idempotency-key': key }), payload: c.body(i % 5) }),
    ),
  )
  t.equal(await api.head(), head + 1n, 'exactly one event written')
  const fresh = responses.filter((r) => r.statusCode < 300 && r.headers['idempotent-replayed'] === undefined)
  t.equal(fresh.length, 1, 'one request wrote')
  const winner = fresh[0]!.json() as { id: string; eventId: string }
  const stored = await storedVariant(api, winner.eventId)
  t.not(stored, -1, 'the stored event is the winner\'s')
  const outcomes = responses.map((r, i) => {
    if (i % 5 !== stored) return r.statusCode === 422 && r.json().code === 'IdempotencyConflict' ? 'conflict' : `unexpected ${r.statusCode}`
    return r.statusCode < 300 && r.json().eventId === winner.eventId ? 'stored result' : `unexpected ${r.statusCode}`
  })
  t.same(
    outcomes.filter((o) => o.startsWith('unexpected')),
    [],
    'the stored body gets the stored result; every other body 422',
  )
  t.equal(outcomes.filter((o) => o === 'conflict').length, 40)
}

async function everyRoute(t: Test, open: () => Promise<Backend>) {
  const api = await createTestApi({}, { rateLimitPerMinute: 100_000 }, await open())
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  for (const [i, c] of cases.entries()) await t.test(c.name, (t) => raceOneKey(t, api, c, `race-key-${i}`))
  await t.test('50 concurrent corrections without If-Match are all written (the server retries on a fresh read, not the client)', async (t) => {
    const head = await api.head()
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.app.inject({ method: 'POST', url: `/claims/${ids.claimReuters}/corrections`, headers: jsonWrite('editor'), payload: { reason: 'transcription', changes: { attributedTo: `Treasury desk ${i}` } } }),
      ),
    )
    t.same(responses.filter((r) => r.statusCode !== 200).map((r) => r.body), [])
    t.equal(await api.head(), head + 50n)
  })
}

t.test('SQLite: one Idempotency-Key, 50 concurrent bodies, every kind of write route', (t) =>
  everyRoute(t, () => openSqliteBackend({ path: join(t.testdir(), 'ledger.db') })),
)

t.test('PostgreSQL: one Idempotency-Key, 50 concurrent bodies, every kind of write route', async (t) => {
  const db = await freshPostgresDatabase(t, 'idem_race')
  await everyRoute(t, () => openPostgresBackend({ connectionString: db.connectionString }))
})
