import { z } from 'zod'
import type { ClaimDoc, LedgerStamp, SourceDoc } from '../../../projections/model.js'
import type { FactRecord } from '../fact-record.js'
import { type ClaimVersion, claimVersions } from './claim-versions.js'

/**
 * W3C PROV-JSON for a fact: where its figure came from, as a provenance
 * graph. Claims (one entity per transcribed version) are quoted from source
 * entities and attributed to who said them; corrections are revisions,
 * retractions invalidations; the reconciled view is derived from the claims
 * it weighed; every ledger event is an activity associated with the key that
 * wrote it. Pure.
 */
const Records = z.record(z.string(), z.record(z.string(), z.unknown()))

export const ProvDocument = z
  .object({
    prefix: z.record(z.string(), z.string()),
    entity: Records,
    agent: Records,
    activity: Records,
    wasGeneratedBy: Records,
    wasAssociatedWith: Records,
    wasQuotedFrom: Records,
    wasAttributedTo: Records,
    wasRevisionOf: Records,
    specializationOf: Records,
    wasInvalidatedBy: Records,
    wasDerivedFrom: Records,
    used: Records,
  })
  .meta({ id: 'ProvDocument' })
export type ProvDocument = z.infer<typeof ProvDocument>

type Attributes = Record<string, unknown>

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed'
export const claimEntityId = (claimId: string, version: number) => `claim:${claimId}.v${version}`
export const sourceEntityId = (sourceId: string) => `source:${sourceId}`
/** A saved text of a source: resolves to GET /sources/:id/snapshots/:version. */
export const snapshotEntityId = (sourceId: string, version: number) => `source:${sourceId}/snapshots/${version}`
export const factEntityId = (factId: string) => `fact:${factId}`
export const agentId = (name: string) => `agent:${slug(name)}`
const eventActivityId = (stamp: LedgerStamp) => `event:${stamp.eventId}`

export function toProv(record: FactRecord, options: { baseUrl: string }): ProvDocument {
  const doc: ProvDocument = {
    prefix: {
      fact: `${options.baseUrl}/facts/`,
      claim: `${options.baseUrl}/claims/`,
      source: `${options.baseUrl}/sources/`,
      event: 'urn:factledger:event:',
      agent: 'urn:factledger:agent:',
      factledger: 'urn:factledger:vocab#',
      schema: 'https://schema.org/',
    },
    entity: {},
    agent: {},
    activity: {},
    wasGeneratedBy: {},
    wasAssociatedWith: {},
    wasQuotedFrom: {},
    wasAttributedTo: {},
    wasRevisionOf: {},
    specializationOf: {},
    wasInvalidatedBy: {},
    wasDerivedFrom: {},
    used: {},
  }
  let blank = 0
  const relate = (kind: keyof Omit<ProvDocument, 'prefix' | 'entity' | 'agent' | 'activity'>, attributes: Attributes) => {
    doc[kind][`_:${kind}${++blank}`] = attributes
  }
  const addAgent = (name: string, type: string, extra: Attributes = {}) => {
    const id = agentId(name)
    doc.agent[id] ??= { 'prov:type': type, 'prov:label': name, ...extra }
    return id
  }
  const addActivity = (stamp: LedgerStamp, extra: Attributes = {}) => {
    const id = eventActivityId(stamp)
    doc.activity[id] = {
      'prov:type': `factledger:${stamp.type}`,
      'prov:startTime': stamp.recordedAt,
      'prov:endTime': stamp.recordedAt,
      'factledger:position': stamp.position,
      ...extra,
    }
    relate('wasAssociatedWith', { 'prov:activity': id, 'prov:agent': addAgent(stamp.actor, 'prov:Agent', { 'factledger:role': stamp.role }) })
    return id
  }

  for (const source of record.sources) addSource(source)
  const latest = new Map<string, string>()
  for (const claim of record.claims) latest.set(claim.claimId, addClaim(claim))
  addView()
  return doc

  function addSource(source: SourceDoc): void {
    const id = sourceEntityId(source.sourceId)
    doc.entity[id] = {
      'prov:type': 'schema:CreativeWork',
      'prov:label': source.title,
      'schema:headline': source.title,
      'schema:datePublished': source.publishedAt,
      'schema:publisher': source.publisher,
      ...(source.url ? { 'schema:url': source.url } : {}),
      'factledger:origin': source.origin,
      'factledger:tier': source.tier,
    }
    relate('wasAttributedTo', { 'prov:entity': id, 'prov:agent': addAgent(source.publisher, 'prov:Organization') })
    relate('wasGeneratedBy', { 'prov:entity': id, 'prov:activity': addActivity(source.registered), 'prov:time': source.registered.recordedAt })
    addSnapshots(source, id)
    if (source.retracted) {
      const activity = `event:retraction-of-source-${source.sourceId}`
      doc.activity[activity] = { 'prov:type': 'factledger:SourceRetracted', 'prov:startTime': source.retracted.at, 'factledger:reason': source.retracted.reason }
      relate('wasInvalidatedBy', { 'prov:entity': id, 'prov:activity': activity, 'prov:time': source.retracted.at })
    }
  }

  /**
   * Each saved text of the source is an entity of its own, a specialization of
   * the source; each revision's text is a revision of the text before it.
   */
  function addSnapshots(source: SourceDoc, sourceId: string): void {
    for (const snapshot of source.snapshots) {
      const id = snapshotEntityId(source.sourceId, snapshot.version)
      doc.entity[id] = {
        'prov:type': 'factledger:SourceSnapshot',
        'prov:label': snapshot.version === 0 ? `${source.title} (as first published)` : `${source.title} (revision ${snapshot.version})`,
        'prov:generatedAtTime': snapshot.publishedAt,
        'factledger:snapshotVersion': snapshot.version,
        'factledger:sha256': snapshot.sha256,
      }
      relate('specializationOf', { 'prov:specificEntity': id, 'prov:generalEntity': sourceId })
      if (snapshot.revisionOf !== null) {
        const revision = source.revisions.find((r) => r.revision === snapshot.version)
        relate('wasRevisionOf', {
          'prov:generatedEntity': id,
          'prov:usedEntity': snapshotEntityId(source.sourceId, snapshot.revisionOf),
          ...(revision ? { 'prov:activity': addActivity(revision.stamp, { 'factledger:reason': revision.note, 'factledger:revisedAt': revision.revisedAt }) } : {}),
        })
      }
    }
  }

  /** The claim's versions as entities; returns the id of the latest. */
  function addClaim(claim: ClaimDoc): string {
    let previous: string | null = null
    for (const version of claimVersions(claim)) {
      const id = claimEntityId(claim.claimId, version.version)
      doc.entity[id] = claimAttributes(claim, version)
      const activity = addActivity(version.stamp, version.reason ? { 'factledger:reason': version.reason } : {})
      relate('wasGeneratedBy', { 'prov:entity': id, 'prov:activity': activity, 'prov:time': version.stamp.recordedAt })
      // The quote comes from the snapshot version the citation names, when it names one.
      const quoted = version.fields.citation.snapshotVersion
      relate('wasQuotedFrom', { 'prov:generatedEntity': id, 'prov:usedEntity': quoted === undefined ? sourceEntityId(claim.sourceId) : snapshotEntityId(claim.sourceId, quoted) })
      relate('wasAttributedTo', { 'prov:entity': id, 'prov:agent': addAgent(version.fields.attributedTo, 'prov:Organization') })
      if (previous) relate('wasRevisionOf', { 'prov:generatedEntity': id, 'prov:usedEntity': previous, 'prov:activity': activity })
      previous = id
    }
    const last = previous ?? claimEntityId(claim.claimId, 1)
    for (const step of claim.lifecycle) {
      if (step.action === 'retracted') {
        const published = step.publishedCorrection
        const activity = addActivity(step.stamp, {
          ...(step.reason ? { 'factledger:reason': step.reason } : {}),
          ...(published ? { 'factledger:effectiveAt': published.effectiveAt, ...(published.sourceRevision !== undefined ? { 'factledger:sourceRevision': published.sourceRevision } : {}) } : {}),
        })
        relate('wasInvalidatedBy', { 'prov:entity': last, 'prov:activity': activity, 'prov:time': step.stamp.recordedAt })
      } else if (step.action === 'disputed' || step.action === 'dispute-resolved' || step.action === 'reassigned') {
        const activity = addActivity(step.stamp, {
          ...(step.reason ? { 'factledger:reason': step.reason } : {}),
          ...(step.after ? { 'factledger:after': step.after } : {}),
          ...(step.disputeId ? { 'factledger:disputeId': step.disputeId } : {}),
          ...(step.outcome ? { 'factledger:outcome': step.outcome } : {}),
        })
        relate('used', { 'prov:activity': activity, 'prov:entity': last })
      }
    }
    return last
  }

  function addView(): void {
    const { fact, view } = record
    const id = factEntityId(fact.factId)
    doc.entity[id] = {
      'prov:type': 'factledger:FactView',
      'prov:label': fact.question,
      ...(view ? { 'prov:value': view.display, 'factledger:status': view.status, 'factledger:position': view.asOf.position, 'factledger:policyVersion': view.policyVersion } : {}),
    }
    if (!view) return
    const roles: [string, string[]][] = [['supporting', view.supporting], ['superseded', view.superseded], ['conflicting', view.conflicting]]
    for (const [role, ids] of roles) {
      for (const claimId of ids) {
        const used = latest.get(claimId)
        if (used) relate('wasDerivedFrom', { 'prov:generatedEntity': id, 'prov:usedEntity': used, 'factledger:role': role })
      }
    }
  }
}

function claimAttributes(claim: ClaimDoc, version: ClaimVersion): Attributes {
  const f = version.fields
  return {
    'prov:type': 'factledger:Claim',
    'prov:label': `${f.value.text} (${f.attributedTo})`,
    'prov:value': f.value.text,
    'factledger:quote': f.citation.quote,
    'factledger:modality': f.modality,
    'factledger:validAt': f.validAt,
    'factledger:version': version.version,
    'factledger:claimId': claim.claimId,
    ...(f.via.length ? { 'factledger:via': f.via } : {}),
    ...(f.citation.snapshotVersion !== undefined ? { 'factledger:snapshotVersion': f.citation.snapshotVersion } : {}),
    ...(f.reading ? { 'factledger:editorsReading': f.reading.reason } : {}),
  }
}
