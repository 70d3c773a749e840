import t from 'tap'
import { agentId, claimEntityId, factEntityId, ProvDocument, sourceEntityId, toProv } from '../../../src/http/exports/prov.js'
import { claimIds, sanctionsRecord, sourceIds } from './fact-record-fixture.js'

const prov = () => toProv(sanctionsRecord(), { baseUrl: 'https://ledger.example' })
type Relation = Record<string, unknown>
const relations = (doc: ReturnType<typeof prov>, kind: keyof ReturnType<typeof prov>) => Object.values(doc[kind]) as Relation[]

t.test('PROV-JSON declares its prefixes and matches its schema', async (t) => {
  const doc = prov()
  t.ok(ProvDocument.safeParse(doc).success)
  t.match(doc.prefix, { claim: 'https://ledger.example/claims/', source: 'https://ledger.example/sources/', fact: 'https://ledger.example/facts/' })
})

t.test('sources and claims are entities; a corrected claim is one entity per version', async (t) => {
  const doc = prov()
  for (const s of Object.values(sourceIds)) t.match(doc.entity[sourceEntityId(s)], { 'prov:type': 'schema:CreativeWork', 'schema:datePublished': String })
  t.match(doc.entity[claimEntityId(claimIds.bloomberg, 1)], { 'prov:type': 'factledger:Claim', 'prov:value': 'more than 20', 'factledger:version': 1 })
  t.match(doc.entity[claimEntityId(claimIds.bloomberg, 2)], { 'prov:type': 'factledger:Claim', 'prov:value': '21', 'factledger:version': 2 })
  t.equal(doc.entity[claimEntityId(claimIds.bloomberg, 3)], undefined)
  t.equal(doc.entity[claimEntityId(claimIds.reuters, 2)], undefined, 'an uncorrected claim has one version')
})

t.test('each claim version was quoted from its source and attributed to who said it', async (t) => {
  const doc = prov()
  const quoted = relations(doc, 'wasQuotedFrom')
  t.same(quoted.filter((r) => r['prov:usedEntity'] === sourceEntityId(sourceIds.bloomberg)).map((r) => r['prov:generatedEntity']), [
    claimEntityId(claimIds.bloomberg, 1),
    claimEntityId(claimIds.bloomberg, 2),
  ])
  const attributed = relations(doc, 'wasAttributedTo')
  const agentOf = (entity: string) => attributed.find((r) => r['prov:entity'] === entity)?.['prov:agent']
  t.equal(agentOf(claimEntityId(claimIds.bloomberg, 1)), agentId('U.S. Treasury'))
  t.equal(agentOf(claimEntityId(claimIds.bloomberg, 2)), agentId('State Department'), 'the corrected attribution')
  t.equal(agentOf(sourceEntityId(sourceIds.reuters)), agentId('Reuters'), 'a source is attributed to its publisher')
  t.match(doc.agent[agentId('State Department')], { 'prov:type': 'prov:Organization', 'prov:label': 'State Department' })
})

t.test('a correction is a revision; a retraction invalidates the claim', async (t) => {
  const doc = prov()
  const [revision, ...more] = relations(doc, 'wasRevisionOf')
  t.same(more, [])
  t.match(revision, { 'prov:generatedEntity': claimEntityId(claimIds.bloomberg, 2), 'prov:usedEntity': claimEntityId(claimIds.bloomberg, 1) })
  t.match(doc.activity[revision!['prov:activity'] as string], { 'prov:type': 'factledger:ClaimCorrected', 'factledger:reason': 'the article says 21' })
  const [invalidation, ...others] = relations(doc, 'wasInvalidatedBy')
  t.same(others, [])
  t.match(invalidation, { 'prov:entity': claimEntityId(claimIds.ap, 1), 'prov:time': String })
  t.match(doc.activity[invalidation!['prov:activity'] as string], { 'prov:type': 'factledger:ClaimRetracted', 'factledger:reason': 'AP withdrew the report' })
})

t.test('the view is derived from the latest version of each claim it weighed', async (t) => {
  const doc = prov()
  t.match(doc.entity[factEntityId('late-november-round')], { 'prov:type': 'factledger:FactView', 'prov:value': '21', 'factledger:status': 'confirmed' })
  const derived = relations(doc, 'wasDerivedFrom').map((r) => `${r['prov:usedEntity']} ${r['factledger:role']}`)
  t.same(derived.sort(), [`${claimEntityId(claimIds.bloomberg, 2)} supporting`, `${claimEntityId(claimIds.reuters, 1)} supporting`].sort())
})

t.test('every relation names entities, agents and activities the document defines', async (t) => {
  const doc = prov()
  const known = new Set([...Object.keys(doc.entity), ...Object.keys(doc.agent), ...Object.keys(doc.activity)])
  const roles = ['prov:entity', 'prov:agent', 'prov:activity', 'prov:generatedEntity', 'prov:usedEntity']
  for (const kind of ['wasGeneratedBy', 'wasAssociatedWith', 'wasQuotedFrom', 'wasAttributedTo', 'wasRevisionOf', 'wasInvalidatedBy', 'wasDerivedFrom', 'used'] as const) {
    for (const [rid, relation] of Object.entries(doc[kind])) {
      t.match(rid, /^_:/, `${kind} ids are blank nodes`)
      for (const role of roles) {
        const ref = (relation as Relation)[role]
        if (ref !== undefined) t.ok(known.has(ref as string), `${kind}.${role} -> ${String(ref)} is defined`)
      }
    }
  }
  t.ok(relations(doc, 'wasAssociatedWith').length > 0, 'ledger events are associated with the key that wrote them')
})
