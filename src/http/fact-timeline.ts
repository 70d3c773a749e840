import type { z } from 'zod'
import type { FactRecord } from './fact-record.js'
import type { TimelineEntry } from './schemas/responses.js'
import { claimVersions } from './exports/claim-versions.js'

type Entry = z.infer<typeof TimelineEntry>

/**
 * A fact's events in ledger order, each placed on the three clocks: when the
 * ledger recorded it, when its source published the claim, and when the
 * claimed figure was true in the world. Pure.
 */
export function factTimeline(record: FactRecord): Entry[] {
  const { fact } = record
  const published = new Map(record.sources.map((s) => [s.sourceId, s.publishedAt]))
  const entries: Entry[] = [{ position: fact.defined.position, recordedAt: fact.defined.recordedAt, action: 'defined' }]
  for (const p of fact.pinHistory) {
    entries.push({ position: p.stamp.position, recordedAt: p.stamp.recordedAt, action: p.action, reason: p.reason, ...(p.claimId ? { claimId: p.claimId } : {}) })
  }
  for (const claim of record.claims) {
    const versions = new Map(claimVersions(claim).map((v) => [v.stamp.eventId, v]))
    let latest = claimVersions(claim)[0]
    for (const step of claim.lifecycle) {
      latest = versions.get(step.stamp.eventId) ?? latest
      const publishedAt = published.get(claim.sourceId)
      entries.push({
        position: step.stamp.position,
        recordedAt: step.stamp.recordedAt,
        action: step.action,
        claimId: claim.claimId,
        ...(publishedAt ? { publishedAt } : {}),
        ...(latest ? { validAt: latest.fields.validAt, value: latest.fields.value.text } : {}),
        ...(step.reason ? { reason: step.reason } : {}),
      })
    }
  }
  return entries.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)))
}
