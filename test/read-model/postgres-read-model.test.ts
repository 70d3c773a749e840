import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { openPostgresBackend } from '../../src/backend/open-postgres-backend.js'
import type { ReadModelStore } from '../../src/read-model/port.js'
import { openSqliteBackend } from '../../src/backend/open-sqlite-backend.js'
import { createTestDatabase, freshPostgresDatabase } from '../helpers/postgres.js'
import { runReadModelConformance } from './conformance.js'
import { batch, claimDoc, factDoc, factView, sourceDoc } from './documents.js'

const db = await freshPostgresDatabase(t, 'read_model')
const postgres = await openPostgresBackend({ connectionString: db.connectionString })
const dir = await mkdtemp(join(tmpdir(), 'factledger-rm-'))
const sqlite = await openSqliteBackend({ path: join(dir, 'ledger.db') })
t.teardown(async () => {
  await postgres.close()
  await sqlite.close()
  await rm(dir, { recursive: true, force: true })
})

/**
 * One scripted life of a read model: every write and every query the port
 * has, with what each query returned. Run on PostgreSQL and on SQLite, the
 * two transcripts must be identical (and the expected values are asserted
 * on the PostgreSQL one below).
 */
async function transcript(rm: ReadModelStore) {
  const out: Record<string, unknown> = {}
  out.emptyCheckpoint = await rm.getCheckpoint()
  out.emptyPolicy = await rm.getPolicy()
  out.emptyList = await rm.listFactViews({ limit: 10 })

  await rm.commit(
    batch(3, {
      sources: [sourceDoc('s-reuters'), sourceDoc('s-ap', { publisher: 'AP', origin: 'ap' })],
      facts: [factDoc('f-nov'), factDoc('f-sept', { subject: 'Sanctions in September' }), factDoc('f-Zeta'), factDoc('f-ä-umlaut')],
      claims: [claimDoc('c1', 'f-nov', 's-reuters'), claimDoc('c2', 'f-nov', 's-ap'), claimDoc('c3', 'f-sept', 's-ap')],
      views: [
        factView('f-nov', 2),
        // the same content again at a later position: no new history row
        factView('f-nov', 3),
        factView('f-sept', 3, { status: 'conflicting', display: '15' }),
        factView('f-Zeta', 3),
        factView('f-ä-umlaut', 3),
      ],
      policy: { version: 1, aboutTolerance: 0.05, nearlyTolerance: 0.1 },
    }),
  )
  await rm.commit(
    batch(7, {
      // c3 is reassigned from f-sept to f-nov
      claims: [claimDoc('c3', 'f-nov', 's-ap', { reassignedFrom: ['f-sept'] })],
      views: [
        factView('f-nov', 5, { status: 'confirmed', origins: 2, supporting: ['c1', 'c2'] }),
        factView('f-nov', 6, { status: 'confirmed', origins: 2, supporting: ['c1', 'c2', 'c3'] }),
        factView('f-sept', 7, { status: 'no-claims', value: null, display: 'no claims' }),
      ],
    }),
  )
  // A later batch that renames the subject of f-nov: the q filter follows it.
  await rm.commit(batch(8, { facts: [factDoc('f-nov', { subject: 'Venezuela visa bans' })] }))

  out.checkpoint = await rm.getCheckpoint()
  out.policy = await rm.getPolicy()
  out.source = await rm.getSource('s-ap')
  out.missingSource = await rm.getSource('nope')
  out.fact = await rm.getFact('f-nov')
  out.claim = await rm.getClaim('c3')
  out.claimsOfNov = (await rm.getClaimsOfFact('f-nov')).map((c) => c.claimId)
  out.claimsOfSept = (await rm.getClaimsOfFact('f-sept')).map((c) => c.claimId)
  out.factsOfAp = await rm.getFactIdsOfSource('s-ap')
  out.view = await rm.getFactView('f-nov')
  out.viewAt1 = await rm.getFactViewAt('f-nov', 1n)
  out.viewAt4 = (await rm.getFactViewAt('f-nov', 4n))?.asOf.position
  out.viewAt5 = (await rm.getFactViewAt('f-nov', 5n))?.supporting
  out.history = (await rm.getFactViewHistory('f-nov')).map((v) => v.asOf.position)
  out.byStatus = (await rm.listFactViews({ status: 'single-source', limit: 10 })).items.map((v) => v.factId)
  out.byQuestion = (await rm.listFactViews({ q: 'FOR F-SEPT', limit: 10 })).items.map((v) => v.factId)
  out.bySubject = (await rm.listFactViews({ q: 'visa', limit: 10 })).items.map((v) => v.factId)
  out.byOldSubject = (await rm.listFactViews({ q: 'maduro allies', limit: 10 })).items.map((v) => v.factId)
  const pages: string[][] = []
  let after: string | undefined
  do {
    const page = await rm.listFactViews({ limit: 2, ...(after ? { after } : {}) })
    pages.push(page.items.map((v) => v.factId))
    after = page.next ?? undefined
  } while (after)
  out.pages = pages
  const first = await rm.listSources({ limit: 1 })
  out.sourcePages = [first.items.map((s) => s.sourceId), (await rm.listSources({ limit: 1, after: first.next! })).items.map((s) => s.sourceId)]
  out.badCursor = await rm.listFactViews({ limit: 2, after: '%%%' }).then(
    () => 'accepted',
    (error: Error) => error.name,
  )
  out.badLimit = await rm.listSources({ limit: 0 }).then(
    () => 'accepted',
    (error: Error) => error.name,
  )

  await rm.reset()
  out.afterReset = [await rm.getCheckpoint(), await rm.getFactView('f-nov'), await rm.getFactViewHistory('f-nov'), await rm.getSource('s-ap')]
  return out
}

t.test('the PostgreSQL read model answers every query exactly as the SQLite one', async (t) => {
  const pg = await transcript(postgres.readModel)
  const lite = await transcript(sqlite.readModel)
  t.strictSame(pg, lite, 'identical transcripts')
  t.equal(JSON.stringify(pg.view), JSON.stringify(lite.view), 'the current view is byte-identical as JSON')

  t.strictSame(pg.emptyCheckpoint, null)
  t.strictSame(pg.emptyList, { items: [], next: null })
  t.strictSame(pg.checkpoint, { position: 8n, version: 'v1' })
  t.strictSame(pg.policy, { version: 1, aboutTolerance: 0.05, nearlyTolerance: 0.1 })
  t.strictSame(pg.claimsOfNov, ['c1', 'c2', 'c3'], 'claims of a fact, by id, after the reassignment')
  t.strictSame(pg.claimsOfSept, [])
  t.strictSame(pg.factsOfAp, ['f-nov', 'f-sept'], 'facts a source has or had claims under')
  t.equal(pg.viewAt1, null, 'nothing before the first view')
  t.equal(pg.viewAt4, '2', 'as of 4: the view recorded at 2 (3 was no change)')
  t.strictSame(pg.viewAt5, ['c1', 'c2'])
  t.strictSame(pg.history, ['2', '5', '6'], 'history rows only where the view changed apart from asOf')
  t.strictSame(pg.byStatus, ['f-Zeta', 'f-ä-umlaut'], 'status filter')
  t.strictSame(pg.byQuestion, ['f-sept'], 'q matches the question, case-insensitively')
  t.strictSame(pg.bySubject, ['f-nov'], 'q matches the current subject')
  t.strictSame(pg.byOldSubject, ['f-Zeta', 'f-ä-umlaut'], 'not the replaced one')
  t.strictSame(pg.pages, [['f-Zeta', 'f-nov'], ['f-sept', 'f-ä-umlaut']], 'pages in byte order of the id, whatever the collation')
  t.strictSame(pg.sourcePages, [['s-ap'], ['s-reuters']])
  t.equal(pg.badCursor, 'RangeError')
  t.equal(pg.badLimit, 'RangeError')
  t.strictSame(pg.afterReset, [null, null, [], null], 'reset drops every document and the checkpoint')
})

t.test('a batch that fails leaves neither its documents nor its checkpoint behind', async (t) => {
  const rm = postgres.readModel
  await rm.commit(batch(1, { sources: [sourceDoc('s-1')] }))
  const bad = batch(2, { sources: [sourceDoc('s-2')], views: [factView('f-x', 2, { asOf: { position: 'not a number', knownAt: null, validAt: null } })] })
  await t.rejects(rm.commit(bad))
  t.strictSame(await rm.getCheckpoint(), { position: 1n, version: 'v1' }, 'checkpoint unchanged')
  t.equal(await rm.getSource('s-2'), null, 'no document of the failed batch')
  t.equal(await rm.getFactView('f-x'), null)
  await rm.reset()
})

// The shared suite, each case on a database of its own.
await runReadModelConformance(t, 'postgres', async () => {
  const owned = await createTestDatabase('rm_conformance')
  const backend = await openPostgresBackend({ connectionString: owned.connectionString })
  return {
    readModel: backend.readModel,
    cleanup: async () => {
      await backend.close()
      await owned.drop()
    },
  }
})
