import type { IncomingMessage } from 'node:http'
import t from 'tap'
import { validate, version } from 'uuid'
import { pooledUuidv7, requestIdOf } from '../../src/http/request-id.js'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

t.test('pooled ids are UUIDv7, distinct across pool refills, and increase in the order made', async (t) => {
  const before = Date.now()
  const ids = Array.from({ length: 2000 }, () => pooledUuidv7())
  t.ok(ids.every((id) => UUID_V7.test(id) && validate(id) && version(id) === 7), 'every id is a valid UUIDv7')
  t.equal(new Set(ids).size, ids.length, 'no repeats across eight pool refills')
  t.strictSame([...ids].sort(), ids, 'monotonic, as uuid makes them within one process')
  const msecs = parseInt(ids[0]!.replaceAll('-', '').slice(0, 12), 16)
  t.ok(msecs >= before && msecs <= Date.now() + 1, 'the timestamp is now')
})

t.test('a safe x-request-id is kept; anything else gets a fresh UUIDv7', async (t) => {
  const req = (value?: string | string[]) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage
  t.equal(requestIdOf(req('gateway-42')), 'gateway-42')
  t.match(requestIdOf(req()), UUID_V7)
  t.match(requestIdOf(req('<img src=x>')), UUID_V7)
  t.match(requestIdOf(req(['a', 'b'])), UUID_V7)
})
