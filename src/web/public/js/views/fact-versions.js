/**
 * A fact's versions: one after each event of the fact and its claims, in
 * ledger order, each said in words ("Reuters: 15 corrected to 21 on
 * 3 Mar 2025 by Li Wei (editor)") and reachable by its ledger position
 * (asOf). The last version is the fact now; version 0 is before it was
 * defined.
 */
import { formatDate } from '../format.js'
import { actorText } from './people.js'

/**
 * history: GET /facts/:id/history. Returns [{ n, asOf, position, label }],
 * oldest first; asOf is null for the last version ("now").
 */
export function factVersions(history) {
  const sourcesById = new Map(history.sources.map((s) => [s.sourceId, s]))
  const claimsById = new Map(history.claims.map((c) => [c.claimId, c]))
  const lastValue = new Map()
  const entries = history.timeline
  const first = entries[0]
  const before = { n: 0, asOf: String(Math.max(0, Number(first?.position ?? 1) - 1)), position: null, label: 'before this fact was defined' }
  const versions = entries.map((entry, i) => {
    const claim = entry.claimId ? claimsById.get(entry.claimId) : null
    const sentence = eventSentence(entry, claim, claim ? sourcesById.get(claim.sourceId) : null, lastValue.get(entry.claimId))
    if (entry.claimId && entry.value) lastValue.set(entry.claimId, entry.value)
    return { n: i + 1, asOf: i === entries.length - 1 ? null : entry.position, position: entry.position, label: sentence }
  })
  return [before, ...versions]
}

/** The version a ledger position shows: the last one at or before it (null, '' or 'now': the last). */
export function versionAt(versions, asOf) {
  if (asOf === null || asOf === undefined || asOf === '' || asOf === 'now') return versions.at(-1)
  const wanted = Number(asOf)
  let found = versions[0]
  for (const v of versions.slice(1)) if (Number(v.position) <= wanted) found = v
  return found
}

function eventSentence(entry, claim, source, previousValue) {
  const on = `on ${formatDate(entry.recordedAt)}`
  const by = claim ? byWhom(claim, entry.position) : ''
  const whose = source ? `${source.publisher}:` : 'a claim:'
  const value = entry.value ?? claim?.value.text ?? ''
  switch (entry.action) {
    case 'defined':
      return `fact defined ${on}`
    case 'recorded':
      return `${whose} ${value} recorded ${on}${by}`
    case 'corrected':
      return previousValue && previousValue !== value ? `${whose} ${previousValue} corrected to ${value} ${on}${by}` : `${whose} ${value} corrected ${on}${by}`
    case 'retracted':
      return `${whose} ${value} retracted ${on}${by}`
    case 'disputed':
      return `${whose} ${value} disputed ${on}${by}`
    case 'dispute-resolved':
      return `${whose} dispute on ${value} resolved ${on}${by}`
    case 'reassigned':
      return `${whose} ${value} moved between facts ${on}${by}`
    case 'pinned':
      return `${claim ? `${whose} ${value}` : 'a claim'} pinned as the preferred claim ${on}`
    case 'unpinned':
      return `pin removed ${on}`
    default:
      return `${entry.action} ${on}`
  }
}

function byWhom(claim, position) {
  const step = claim.lifecycle.find((s) => s.stamp.position === position)
  return step ? ` by ${actorText(step.stamp)}` : ''
}
