import t from 'tap'
import { ConfigError, loadConfig } from '../src/config.js'

t.test('defaults: embedded SQLite, port 3000, public reads, demo on', async (t) => {
  const c = loadConfig({})
  t.equal(c.FACTLEDGER_STORE, 'sqlite')
  t.equal(c.FACTLEDGER_DB, './data/ledger.db')
  t.equal(c.PORT, 3000)
  t.equal(c.FACTLEDGER_PUBLIC_READS, true)
  t.equal(c.FACTLEDGER_DEMO, true)
  t.equal(c.FACTLEDGER_API_KEYS.size, 0)
  t.equal(c.FACTLEDGER_VIEW_CACHE_MB, 16)
  t.equal(loadConfig({ FACTLEDGER_VIEW_CACHE_MB: '0' }).FACTLEDGER_VIEW_CACHE_MB, 0, '0 turns the response cache off')
})

t.test('API keys are parsed as key:role pairs', async (t) => {
  const c = loadConfig({ FACTLEDGER_API_KEYS: 'editor-key-0123456789:editor, admin-key-0123456789ab:admin' })
  t.same([...c.FACTLEDGER_API_KEYS.entries()], [['editor-key-0123456789', { role: 'editor' }], ['admin-key-0123456789ab', { role: 'admin' }]])
})

t.test('a key entry may name the person who holds it (key:role:name), and a key may contain colons', async (t) => {
  const c = loadConfig({ FACTLEDGER_API_KEYS: 'editor-key-0123456789:editor:Ana Ruiz, colon:key:0123456789ab:reader, another-key-0123456789:admin: Li Wei ' })
  t.same([...c.FACTLEDGER_API_KEYS.entries()], [
    ['editor-key-0123456789', { role: 'editor', name: 'Ana Ruiz' }],
    ['colon:key:0123456789ab', { role: 'reader' }],
    ['another-key-0123456789', { role: 'admin', name: 'Li Wei' }],
  ])
})

t.test('a bad value is one line naming the variable', async (t) => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ FACTLEDGER_STORE: 'mysql' }, /^invalid configuration: FACTLEDGER_STORE: .*"mysql"/],
    [{ PORT: '70000' }, /^invalid configuration: PORT: /],
    [{ PORT: 'abc' }, /^invalid configuration: PORT: /],
    [{ FACTLEDGER_STORE: 'postgres' }, /^invalid configuration: DATABASE_URL: is required when FACTLEDGER_STORE=postgres$/],
    [{ FACTLEDGER_STORE: 'esdb' }, /^invalid configuration: FACTLEDGER_ESDB_URL: is required/],
    [{ DATABASE_URL: 'mysql://x' }, /^invalid configuration: DATABASE_URL: must be a postgres:\/\/ URL$/],
    [{ FACTLEDGER_API_KEYS: 'short:editor' }, /^invalid configuration: FACTLEDGER_API_KEYS: each API key must be at least 16 characters$/],
    [{ FACTLEDGER_API_KEYS: 'a-long-enough-key-1234:superuser' }, /FACTLEDGER_API_KEYS: expected "key:role" or "key:role:name" entries/],
    [{ FACTLEDGER_API_KEYS: 'a-long-enough-key-1234:editor:' }, /FACTLEDGER_API_KEYS: expected "key:role" or "key:role:name" entries/],
    [{ FACTLEDGER_API_KEYS: 'a-long-enough-key-1234:system:Robot' }, /FACTLEDGER_API_KEYS: expected "key:role" or "key:role:name" entries/],
    [{ FACTLEDGER_API_KEYS: `a-long-enough-key-1234:editor:${'n'.repeat(101)}` }, /FACTLEDGER_API_KEYS: the name after a key's role must be at most 100 characters/],
    [{ FACTLEDGER_PUBLIC_READS: 'maybe' }, /^invalid configuration: FACTLEDGER_PUBLIC_READS: /],
    [{ LOG_LEVEL: 'loud' }, /^invalid configuration: LOG_LEVEL: /],
    [{ FACTLEDGER_HEADERS_TIMEOUT: '0' }, /^invalid configuration: FACTLEDGER_HEADERS_TIMEOUT: /],
    [{ FACTLEDGER_HEADERS_TIMEOUT: '1.5' }, /^invalid configuration: FACTLEDGER_HEADERS_TIMEOUT: /],
    [{ FACTLEDGER_VIEW_CACHE_MB: 'lots' }, /^invalid configuration: FACTLEDGER_VIEW_CACHE_MB: must be a whole number of MiB \(got "lots"\)$/],
    [{ FACTLEDGER_VIEW_CACHE_MB: '1.5' }, /^invalid configuration: FACTLEDGER_VIEW_CACHE_MB: must be a whole number of MiB \(got "1.5"\)$/],
    [{ FACTLEDGER_VIEW_CACHE_MB: '-1' }, /^invalid configuration: FACTLEDGER_VIEW_CACHE_MB: must be 0 \(no cache\) or more \(got "-1"\)$/],
    [{ FACTLEDGER_VIEW_CACHE_MB: '100000' }, /^invalid configuration: FACTLEDGER_VIEW_CACHE_MB: must be at most 65536 \(64 GiB\) \(got "100000"\)$/],
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), ConfigError, JSON.stringify(env))
    try {
      loadConfig(env)
    } catch (err) {
      t.match((err as Error).message, message)
      t.notMatch((err as Error).message, /\n/)
    }
  }
})

t.test('a secret never appears in the error', async (t) => {
  try {
    loadConfig({ FACTLEDGER_API_KEYS: 'super-secret-key-value-123:root' })
    t.fail('should throw')
  } catch (err) {
    t.notMatch((err as Error).message, /super-secret-key-value/)
  }
})
