import t from 'tap'
import { closeTestApi, createTestApi, jsonWrite } from './harness.js'

/**
 * A key entry `key:role:name` credits its holder: the events written with it
 * carry the name as their actor, never the key.
 */
const namedKey = 'ana-ruiz-editor-key-0123456789'
const api = await createTestApi({ FACTLEDGER_API_KEYS: `${namedKey}:editor:Ana Ruiz` })
t.teardown(() => closeTestApi(api))

const source = { publisher: 'El País', title: 'Sanciones', origin: 'el-pais', tier: 2, publishedAt: '2024-11-28' }

t.test('an event written with a named key records the name as its actor, and not the key', async (t) => {
  const res = await api.app.inject({ method: 'POST', url: '/sources', headers: { ...jsonWrite('editor'), authorization: `Bearer ${namedKey}` }, payload: source })
  t.equal(res.statusCode, 201)
  const events = []
  for await (const e of api.runtime.store.readAll({})) events.push(e)
  const event = events.at(-1)!
  t.match(event.metadata, { actor: 'Ana Ruiz', role: 'editor' })
  t.notMatch(JSON.stringify(events, (_k, v) => (typeof v === 'bigint' ? String(v) : v)), namedKey, 'the key itself is stored nowhere in the log')
})
