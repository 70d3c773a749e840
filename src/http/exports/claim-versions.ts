import type { ClaimDoc, LedgerStamp } from '../../../projections/model.js'

type Versioned = Pick<ClaimDoc, 'value' | 'citation' | 'attributedTo' | 'via' | 'modality' | 'validAt' | 'reading'>

/** One transcription of a claim: as first recorded, or as a correction left it. */
export interface ClaimVersion {
  /** 1 for the recording, 2 for the first correction, ... */
  version: number
  claimId: string
  /** The event that produced this version. */
  stamp: LedgerStamp
  /** Why it was corrected (absent for the recording). */
  reason?: string
  fields: Versioned
}

const fieldsOf = (c: Versioned): Versioned => ({
  value: c.value,
  citation: c.citation,
  attributedTo: c.attributedTo,
  via: c.via,
  modality: c.modality,
  validAt: c.validAt,
  reading: c.reading,
})

/**
 * Every version of a claim, oldest first. The document holds the latest
 * fields and each correction's `before`/`after`, so the earlier versions are
 * rebuilt by walking the corrections backwards and restoring `before`.
 */
export function claimVersions(claim: ClaimDoc): ClaimVersion[] {
  const corrections = claim.lifecycle.filter((e) => e.action === 'corrected')
  const recorded = claim.lifecycle.find((e) => e.action === 'recorded')
  if (!recorded) return []
  let fields = fieldsOf(claim)
  const newestFirst: ClaimVersion[] = []
  for (let i = corrections.length - 1; i >= 0; i--) {
    const c = corrections[i]!
    newestFirst.push({ version: i + 2, claimId: claim.claimId, stamp: c.stamp, ...(c.reason ? { reason: c.reason } : {}), fields })
    fields = { ...fields, ...(c.before as Partial<Versioned>) }
  }
  newestFirst.push({ version: 1, claimId: claim.claimId, stamp: recorded.stamp, fields })
  return newestFirst.reverse()
}
