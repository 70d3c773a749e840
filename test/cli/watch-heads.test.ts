import { generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { createLedgerSigner } from '../../src/ledger/tamper/signing-key.js'
import { closeTestApi, createTestApi, ids, jsonWrite, seed, type TestApi } from '../http/harness.js'
import { cli } from './run-cli.js'

/** A server on a real port over a seeded memory ledger (every test server signs with the harness's one key). */
async function listening(t: Test, options: Parameters<typeof createTestApi>[1] = {}): Promise<{ api: TestApi; url: string }> {
  const api = await createTestApi({}, options)
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const url = await api.app.listen({ port: 0, host: '127.0.0.1' })
  return { api, url }
}

const dispute = (api: TestApi, reason: string) => api.app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/disputes`, headers: jsonWrite('editor'), payload: { reason } })

t.test('watch-heads saves heads, accepts a log that only grew, and fails loudly on a fork signed with the same key', async (t) => {
  const dir = join(t.testdir(), 'watch')
  const a = await listening(t)
  const first = await cli(['watch-heads', a.url, '--dir', dir, '--once'])
  t.equal(first.code, 0, first.stdout + first.stderr)
  t.match(first.stdout, /first head saved: size 7, root [0-9a-f]{64}/)
  t.equal((await dispute(a.api, 'check')).statusCode, 200)
  const grown = await cli(['watch-heads', a.url, '--dir', dir, '--once'])
  t.equal(grown.code, 0, grown.stdout)
  t.match(grown.stdout, /size 7 -> 8: consistent \(proof of \d+ hashes verified\)/)
  t.equal(readFileSync(join(dir, 'heads.ndjson'), 'utf8').trim().split('\n').length, 2)

  // Another server with the same key and the same first 7 events, then a different 8th and 9th: a split view.
  const b = await listening(t)
  t.equal((await dispute(b.api, 'a different history')).statusCode, 200)
  t.equal((await dispute(b.api, 'and more')).statusCode, 200)
  const forked = await cli(['watch-heads', b.url, '--dir', dir, '--once'])
  t.equal(forked.code, 1)
  t.match(forked.stdout, /^FORK OR REWRITE DETECTED at http:\/\/127\.0\.0\.1:\d+: the head of size 9 \(root [0-9a-f]{64}\) does not extend the head of size 8 \(root [0-9a-f]{64}\) signed /)

  const c = await listening(t)
  t.equal((await dispute(c.api, 'same size, other content')).statusCode, 200)
  const sameSize = await cli(['watch-heads', c.url, '--dir', dir, '--once'])
  t.equal(sameSize.code, 1)
  t.match(sameSize.stdout, /two signed heads of size 8 with different roots/)
})

t.test('a server whose key changed is refused against the pinned key', async (t) => {
  const dir = join(t.testdir(), 'watch')
  const a = await listening(t)
  t.equal((await cli(['watch-heads', a.url, '--dir', dir, '--once'])).code, 0)
  const other = await listening(t, { signer: createLedgerSigner(generateKeyPairSync('ed25519').privateKey) })
  const r = await cli(['watch-heads', other.url, '--dir', dir, '--once'])
  t.equal(r.code, 1)
  t.match(r.stdout, /the server's public key is not the one pinned in .*key\.pem/)
  const bad = await cli(['watch-heads', 'ftp://x', '--once'])
  t.strictSame([bad.code, bad.stderr.trim()], [2, 'factledger watch-heads: give the server URL: watch-heads http://host:3000 [--dir DIR] [--every SECONDS] [--once]'])
})
