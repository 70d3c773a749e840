import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { openDatabase } from '../../src/store/sqlite/open-database.js'
import { openWalIndexStamp } from '../../src/store/sqlite/wal-index-stamp.js'

t.test('the WAL-index stamp changes with every commit, by this connection or another, and only then', async (t) => {
  const path = join(t.testdir(), 'ledger.db')
  const here = openDatabase(path)
  const other = openDatabase(path)
  t.teardown(() => {
    here.close()
    other.close()
  })
  here.exec('CREATE TABLE counter (n INTEGER)')
  const stamp = openWalIndexStamp(here)!
  t.teardown(() => stamp.close())
  t.ok(stamp, 'a WAL-mode file has one')

  const seen = new Set<string>()
  const take = (what: string) => {
    const value = stamp.read()
    t.type(value, 'string', `${what}: readable`)
    t.notOk(seen.has(value!), `${what}: a stamp not seen before`)
    seen.add(value!)
    return value
  }
  const last = take('at first')
  here.prepare('SELECT count(*) FROM counter').get()
  other.prepare('SELECT count(*) FROM counter').get()
  t.equal(stamp.read(), last, 'reads change nothing')

  for (let i = 0; i < 5; i++) {
    here.prepare('INSERT INTO counter VALUES (?)').run(i)
    take(`commit ${i} here`)
    other.prepare('INSERT INTO counter VALUES (?)').run(i)
    take(`commit ${i} by the other connection`)
  }
  // A TRUNCATE checkpoint restarts the WAL (new salts), so the stamp moves without new data: a
  // needless miss, never a stale hit. The next commit then writes from the WAL's first frame again.
  other.pragma('wal_checkpoint(TRUNCATE)')
  take('after a checkpoint that restarted the WAL')
  other.prepare('INSERT INTO counter VALUES (99)').run()
  take('the first commit into a restarted WAL')
  here.transaction(() => {
    here.prepare('INSERT INTO counter VALUES (100)').run()
    here.prepare('INSERT INTO counter VALUES (101)').run()
  })()
  take('a transaction of two inserts')
  here.exec('BEGIN; INSERT INTO counter VALUES (102); ROLLBACK')
  t.equal(stamp.read(), [...seen].at(-1), 'a rolled-back transaction leaves it as it was')
})

t.test('no stamp for a database without a WAL index', async (t) => {
  const memory = openDatabase(':memory:')
  t.teardown(() => memory.close())
  t.equal(openWalIndexStamp(memory), undefined)
})

t.test('a closed stamp reads null', async (t) => {
  const db = openDatabase(join(t.testdir(), 'ledger.db'))
  t.teardown(() => db.close())
  const stamp = openWalIndexStamp(db)!
  stamp.close()
  t.equal(stamp.read(), null)
  stamp.close()
})

t.test('no stamp when the WAL index is kept in the heap (exclusive locking mode, no -shm file)', async (t) => {
  const path = join(t.testdir(), 'exclusive.db')
  const db = new Database(path)
  t.teardown(() => db.close())
  db.pragma('locking_mode = EXCLUSIVE')
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE counter (n INTEGER)')
  t.notOk(existsSync(`${path}-shm`), 'SQLite made no -shm file')
  t.equal(openWalIndexStamp(db), undefined)
})
