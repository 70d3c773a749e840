import { generateKeyPairSync } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pino } from 'pino'
import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { ledgerHead } from '../../src/ledger/tamper/ledger-head.js'
import { verifyInclusion } from '../../src/ledger/tamper/merkle.js'
import { checkHeadSignature, checkPromiseSignature, parsePublicKey, SignedHead } from '../../src/ledger/tamper/signed-head.js'
import { loadLedgerSigner } from '../../src/ledger/tamper/signing-key.js'
import { collect } from '../tamper/ledger-fixture.js'
import { closeTestApi, createTestApi, ids, jsonWrite, seed, testSigner } from './harness.js'

const hex = (s: string) => Buffer.from(s, 'hex')
const publicKey = parsePublicKey(testSigner.publicKeyPem)!

t.test('the public key is served as JSON and as a PEM file', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  const json = await api.app.inject({ url: '/ledger/key' })
  t.strictSame(json.json(), { keyId: testSigner.keyId, algorithm: 'Ed25519', publicKey: testSigner.publicKeyPem })
  const pem = await api.app.inject({ url: '/ledger/key.pem' })
  t.equal(pem.headers['content-type'], 'application/x-pem-file')
  t.equal(pem.body, testSigner.publicKeyPem)
})

t.test('GET /ledger/head is a head over the whole log signed by that key, stored once per size', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const first = SignedHead.parse((await api.app.inject({ url: '/ledger/head' })).json())
  const full = await ledgerHead(api.runtime.store)
  t.strictSame([first.size, first.rootHash, first.position], [full.size, full.rootHash, full.position.toString()])
  t.strictSame(checkHeadSignature(first, publicKey), { ok: true })
  t.strictSame((await api.app.inject({ url: '/ledger/head' })).json(), first, 'no new events: the same stored head')
  const forged = { ...first, rootHash: first.rootHash.replace(/^./, (c) => (c === '0' ? '1' : '0')) }
  t.equal(checkHeadSignature(forged, publicKey).ok, false, 'a head with another root does not verify')
  const other = parsePublicKey(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString())!
  t.match(checkHeadSignature(first, other), { ok: false, reason: /not by the given key/ })
})

t.test("a write's inclusion promise is signed, names the stored event, and its position is later proven in a signed head", async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const res = await api.app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/disputes`, headers: jsonWrite('editor'), payload: { reason: 'check the quote' } })
  t.equal(res.statusCode, 200)
  const { position, inclusionPromise } = res.json()
  t.equal(inclusionPromise.position, position)
  t.equal(checkPromiseSignature(inclusionPromise, publicKey), true)
  const [stored] = await collect(api.runtime.store.readAll({ fromPosition: BigInt(position) - 1n, maxCount: 1 }))
  t.equal(inclusionPromise.eventHash, stored!.hash)
  const head = SignedHead.parse((await api.app.inject({ url: '/ledger/head' })).json())
  const proof = (await api.app.inject({ url: `/ledger/proof/${position}?treeSize=${head.size}` })).json()
  t.equal(verifyInclusion(hex(proof.leafHash), proof.leafIndex, head.size, proof.proof.map(hex), hex(head.rootHash)), true)
  t.equal(checkPromiseSignature({ ...inclusionPromise, position: '1' }, publicKey), false, 'a promise moved to another position does not verify')
})

t.test('a head is signed every FACTLEDGER_HEAD_EVERY writes; /ledger/heads lists them in pages', async (t) => {
  const api = await createTestApi({ FACTLEDGER_HEAD_EVERY: '2' })
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  for (let i = 0; i < 4; i++) {
    const res = await api.app.inject({ method: 'POST', url: '/sources', headers: jsonWrite('editor'), payload: { publisher: `P${i}`, title: 'T', url: `https://example.org/${i}`, publishedAt: '2024-11-28', origin: `p${i}`, tier: 2 } })
    t.equal(res.statusCode, 201)
  }
  await api.waitForLog(/"size":11,.*signed a tree head/)
  const page1 = (await api.app.inject({ url: '/ledger/heads?limit=1' })).json()
  t.equal(page1.items.length, 1)
  t.equal(page1.items[0].size, 9, 'after the 2nd write: 7 seeded + 2')
  const page2 = (await api.app.inject({ url: `/ledger/heads?after=${page1.next}` })).json()
  t.strictSame(page2.items.map((h: SignedHead) => h.size), [11])
  t.equal(page2.next, null)
  t.equal([...page1.items, ...page2.items].every((h: SignedHead) => checkHeadSignature(h, publicKey).ok), true)
  const bad = await api.app.inject({ url: '/ledger/heads?limit=0' })
  t.equal(bad.statusCode, 400)
})

t.test('the signing key never appears in a log line or a response', async (t) => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const secret = pem.split('\n')[1]! // the base64 body of the key
  const api = await createTestApi({ FACTLEDGER_SIGNING_KEY: pem }, { signer: undefined as never })
  t.teardown(() => closeTestApi(api))
  // buildApp was given no signer: it took the key from the configuration.
  t.not((await api.app.inject({ url: '/ledger/key' })).json().keyId, testSigner.keyId)
  await seed(api.runtime)
  const bodies: string[] = []
  const write = await api.app.inject({ method: 'POST', url: `/claims/${ids.claimAp}/disputes`, headers: jsonWrite('editor'), payload: { reason: 'x' } })
  bodies.push(write.body)
  for (const url of ['/ledger/key', '/ledger/key.pem', '/ledger/head', '/ledger/heads', '/ledger/verify', '/openapi.json', '/ready', '/nope']) bodies.push((await api.app.inject({ url })).body)
  // Even a careless log of the whole configuration does not print it.
  api.runtime.logger.info({ config: api.runtime.config }, 'configuration')
  await api.waitForLog(/"msg":"configuration"/)
  t.equal(bodies.some((b) => b.includes(secret)), false, 'no response carries the key')
  t.equal(api.logs.some((line) => line.includes(secret)), false, 'no log line carries the key')
  t.ok(api.logs.length > 5, 'there were log lines to look at')
})

t.test('a bad FACTLEDGER_SIGNING_KEY stops start-up naming the variable, without echoing it', async (t) => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  t.throws(() => loadConfig({ FACTLEDGER_SIGNING_KEY: rsa }), /^invalid configuration: FACTLEDGER_SIGNING_KEY: must be an Ed25519 private key, got a rsa key$/)
  t.throws(() => loadConfig({ FACTLEDGER_SIGNING_KEY: 'not-a-key-but-a-secret-value' }), /^invalid configuration: FACTLEDGER_SIGNING_KEY: must be an Ed25519 private key in PEM/)
  try {
    loadConfig({ FACTLEDGER_SIGNING_KEY: 'not-a-key-but-a-secret-value' })
  } catch (err) {
    t.notMatch((err as Error).message, /secret-value/)
  }
  t.throws(() => loadConfig({ FACTLEDGER_HEAD_EVERY: '0' }), /^invalid configuration: FACTLEDGER_HEAD_EVERY: /)
})

t.test('without FACTLEDGER_SIGNING_KEY a key file is generated on first start with mode 0600, and reused', async (t) => {
  const dir = t.testdir()
  const config = { FACTLEDGER_DB: join(dir, 'ledger.db') }
  const lines: string[] = []
  const logger = pino({}, { write: (line: string) => lines.push(line) })
  const first = loadLedgerSigner(config, logger)
  const file = join(dir, 'signing-key.pem')
  t.equal(statSync(file).mode & 0o777, 0o600)
  t.match(readFileSync(file, 'utf8'), /^-----BEGIN PRIVATE KEY-----/)
  const again = loadLedgerSigner(config, logger)
  t.equal(again.keyId, first.keyId, 'the second start signs with the same key')
  t.match(lines.join(''), /generated a signing key/)
  t.equal(lines.join('').includes(readFileSync(file, 'utf8').split('\n')[1]!), false, 'the log names the file, not the key')
})
