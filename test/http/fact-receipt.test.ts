import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { hashEvent } from '../../src/store/hash-chain.js'
import { cli } from '../cli/run-cli.js'
import { closeTestApi, createTestApi, ids, jsonWrite, seed, testSigner } from './harness.js'

const dir = mkdtempSync(join(tmpdir(), 'factledger-receipt-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
writeFileSync(join(dir, 'pub.pem'), testSigner.publicKeyPem)

type Receipt = { view: { display: string }; head: { size: number }; events: Array<{ event: { type: string; stream: string; data: Record<string, unknown>; hash: string; id: string; schemaVersion: number; metadata: unknown; revision: string; prevHash: string | null } }> }

async function verify(receipt: unknown, name: string) {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(receipt))
  return cli(['verify-receipt', path, '--key', join(dir, 'pub.pem')])
}

t.test('fact receipts', async (t) => {
  const api = await createTestApi()
  t.teardown(() => closeTestApi(api))
  await seed(api.runtime)
  const dispute = await api.app.inject({ method: 'POST', url: `/claims/${ids.claimBloomberg}/disputes`, headers: jsonWrite('editor'), payload: { reason: 'check the quote' } })
  t.equal(dispute.statusCode, 200)
  const res = await api.app.inject({ url: `/facts/${ids.fact}/receipt` })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-disposition'], /attachment; filename="receipt-us-sanctions-2024-11-round-count\.json"/)
  const receipt = res.json() as Receipt
  const original = JSON.stringify(receipt)
  const copy = (): Receipt => JSON.parse(original)

  await t.test('carries the fact, its claims with their lifecycle, and their sources, and verifies offline', async (t) => {
    t.strictSame(receipt.events.map((e) => e.event.type).sort(), ['ClaimDisputed', 'ClaimRecorded', 'ClaimRecorded', 'ClaimRecorded', 'FactDefined', 'SourceRegistered', 'SourceRegistered', 'SourceRegistered'])
    t.equal(receipt.head.size, 8)
    t.equal(receipt.view.display, (await api.app.inject({ url: `/facts/${ids.fact}` })).json().display, 'the same figure the API serves')
    const r = await verify(receipt, 'good.json')
    t.equal(r.code, 0, r.stdout + r.stderr)
    t.match(r.stdout, /^VERIFIED: us-sanctions-2024-11-round-count is "21", recomputed from 8 events, each proven in the head of size 8 signed /)
  })

  await t.test('a receipt with one altered claim fails', async (t) => {
    const altered = copy()
    const claim = altered.events.find((e) => e.event.type === 'ClaimRecorded')!
    claim.event.data = JSON.parse(JSON.stringify(claim.event.data).replaceAll('"lower":21', '"lower":15').replaceAll('"upper":21', '"upper":15'))
    const r = await verify(altered, 'altered.json')
    t.equal(r.code, 1)
    t.match(r.stdout, /^FAILED: event \d+ \(position \d+, claim-.* revision 0\): its content does not hash to its hash \(altered\)/)
  })

  await t.test('an altered claim whose hash was recomputed fails its inclusion proof', async (t) => {
    const altered = copy()
    const claim = altered.events.find((e) => e.event.type === 'ClaimRecorded')!.event
    claim.data = JSON.parse(JSON.stringify(claim.data).replaceAll('"lower":21', '"lower":15').replaceAll('"upper":21', '"upper":15'))
    claim.hash = hashEvent({ id: claim.id, type: claim.type, schemaVersion: claim.schemaVersion, data: claim.data, metadata: claim.metadata as never }, claim.stream, BigInt(claim.revision), claim.prevHash)
    const r = await verify(altered, 'rehashed.json')
    t.equal(r.code, 1)
    t.match(r.stdout, /its inclusion proof does not lead to the signed root/)
  })

  await t.test('a view that does not follow from the events fails', async (t) => {
    const altered = copy()
    altered.view.display = '25'
    const r = await verify(altered, 'view.json')
    t.equal(r.code, 1)
    t.match(r.stdout, /^FAILED: the view does not follow from the events: the policy computes "21"/)
  })

  await t.test('a view computed under another policy version says so (policy v1 was the reconciliation before #12)', async (t) => {
    const other = copy() as Receipt & { view: { policyVersion: number } }
    t.equal(other.view.policyVersion, 2, 'views carry the policy version that computed them')
    other.view.policyVersion = 1
    const r = await verify(other, 'policy-v1.json')
    t.equal(r.code, 1)
    t.match(r.stdout, /^FAILED: the view says reconciliation policy v1 computed it, but from these events this verifier's policy is v2/)
  })

  await t.test('a receipt missing an event of a stream (the dispute before a later one) fails', async (t) => {
    const second = await api.app.inject({ method: 'POST', url: `/claims/${ids.claimBloomberg}/disputes`, headers: jsonWrite('editor'), payload: { reason: 'again' } })
    t.equal(second.statusCode, 200)
    const later = (await api.app.inject({ url: `/facts/${ids.fact}/receipt` })).json() as Receipt
    later.events = later.events.filter((e) => !(e.event.type === 'ClaimDisputed' && e.event.revision === '1'))
    const r = await verify(later, 'missing.json')
    t.equal(r.code, 1)
    t.match(r.stdout, /expected revision 1 of its stream \(an event is missing\)/)
  })

  await t.test('a head signed by another key, an unknown fact, and a malformed receipt are refused', async (t) => {
    const forged = copy()
    ;(forged.head as unknown as { signature: string }).signature = Buffer.alloc(64).toString('base64')
    t.match((await verify(forged, 'forged.json')).stdout, /^FAILED: head: the signature does not match/)
    t.equal((await api.app.inject({ url: '/facts/no-such-fact/receipt' })).statusCode, 404)
    const malformed = await verify({ ...copy(), head: { size: -1 } }, 'malformed.json')
    t.equal(malformed.code, 2)
    t.match(malformed.stderr, /malformed\.json: head\.size: /)
  })
})
