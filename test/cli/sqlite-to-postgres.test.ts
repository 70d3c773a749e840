import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { freshPostgresDatabase } from '../helpers/postgres.js'
import { cli } from './run-cli.js'

t.test('moving backends: export from SQLite, import into PostgreSQL, same events, hashes and fact views', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'factledger-move-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const db = join(dir, 'ledger.db')
  const log = join(dir, 'log.ndjson')
  const pg = await freshPostgresDatabase(t, 'move')
  const onPostgres = { FACTLEDGER_STORE: 'postgres', DATABASE_URL: pg.connectionString }

  t.equal((await cli(['demo', '--db', db])).code, 0)
  t.equal((await cli(['export', '--out', log, '--db', db])).code, 0)
  const migrated = await cli(['migrate'], onPostgres)
  t.equal(migrated.code, 0, migrated.stderr)
  t.match(migrated.stdout, /postgres: schema up to date; ledger head at position 0/)
  const imported = await cli(['import', log], onPostgres)
  t.equal(imported.code, 0, imported.stderr)
  t.match(imported.stdout, /imported 25 events/)

  const exportedAgain = await cli(['export'], onPostgres)
  t.equal(exportedAgain.stdout, readFileSync(log, 'utf8'), 'same ids, streams, revisions, positions, payloads and hashes')
  const fromSqlite = await cli(['facts', '--json', '--db', db])
  const fromPostgres = await cli(['facts', '--json'], onPostgres)
  t.equal(fromPostgres.stdout, fromSqlite.stdout, 'byte-identical fact views')
  const verified = await cli(['verify'], onPostgres)
  t.equal(verified.code, 0)
  t.match(verified.stdout, /ledger verified: 25 events/)
})
