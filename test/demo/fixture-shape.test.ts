import t from 'tap'
import { Uuid } from '../../events/ids.js'
import { parseQuantity } from '../../events/quantity/parse.js'
import { eventTypes } from '../../events/registry.js'
import { demoFixture } from '../../src/demo/fixture.js'

t.test('every fixture entry is a valid current-version payload, unchanged by parsing', async (t) => {
  for (const s of demoFixture.sources) t.same(eventTypes.SourceRegistered.schema.parse(s), s)
  for (const f of demoFixture.facts) t.same(eventTypes.FactDefined.schema.parse(f), f)
  for (const c of demoFixture.claims) t.same(eventTypes.ClaimRecorded.schema.parse(c), c)
})

t.test('ids are unique, source and claim ids are UUIDs, and every reference resolves', async (t) => {
  const sourceIds = demoFixture.sources.map((s) => s.sourceId)
  const factIds = demoFixture.facts.map((f) => f.factId)
  const claimIds = demoFixture.claims.map((c) => c.claimId)
  for (const ids of [sourceIds, factIds, claimIds]) t.equal(new Set(ids).size, ids.length)
  for (const uuid of [...sourceIds, ...claimIds]) t.ok(Uuid.safeParse(uuid).success, uuid)
  for (const c of demoFixture.claims) {
    t.ok(sourceIds.includes(c.sourceId), `claim ${c.claimId} source`)
    t.ok(factIds.includes(c.factId), `claim ${c.claimId} fact`)
  }
  for (const f of demoFixture.facts) if (f.subsetOf) t.ok(factIds.includes(f.subsetOf), `${f.factId} subsetOf`)
})

t.test('no URL is invented: the seeds carry none', async (t) => {
  t.same(demoFixture.sources.filter((s) => s.url !== undefined), [])
})

t.test('every literal value is what the quantity parser reads from its text', async (t) => {
  for (const c of demoFixture.claims) {
    const parsed = parseQuantity(c.value.text)
    t.ok(parsed.ok, c.value.text)
    if (parsed.ok) t.same(c.value, parsed.quantity, c.value.text)
  }
})
