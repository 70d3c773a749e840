/** One editorial act as a line people read: when, who, what, on which claim and fact, and why. */
import { enc, getAll } from '../api.js'
import { h } from '../dom.js'
import { formatDateTime } from '../format.js'
import { actorText } from './people.js'

export const auditKindLabels = {
  corrected: 'Corrected',
  retracted: 'Retracted',
  disputed: 'Disputed',
  'dispute-resolved': 'Dispute resolved',
  reassigned: 'Moved to another fact',
  pinned: 'Pinned',
  unpinned: 'Unpinned',
  'source-revised': 'Source revised',
  'source-retracted': 'Source retracted',
}

const fieldNames = { value: 'figure', citation: 'quote', attributedTo: 'attribution', via: 'chain', modality: 'modality', validAt: 'date' }

/** questions: Map factId -> question, for readable fact links. */
export function auditEntry(entry, questions) {
  const factLink = (id) => (id ? h('a', { href: `#/facts/${enc(id)}` }, questions.get(id) ?? id) : null)
  const what = [
    entry.claimId ? ['claim ', h('a', { href: `#/claims/${enc(entry.claimId)}` }, 'permalink')] : null,
    entry.kind === 'reassigned' ? [' from ', factLink(entry.fromFactId), ' to ', factLink(entry.toFactId)] : entry.factId ? [' under ', factLink(entry.factId)] : null,
    entry.sourceId && !entry.claimId ? ['source ', h('a', { href: `#/sources/${enc(entry.sourceId)}` }, 'page')] : null,
    entry.changed?.length ? ` (${entry.changed.map((f) => fieldNames[f] ?? f).join(', ')} changed)` : null,
    entry.outcome ? ` (${entry.outcome})` : null,
  ]
  return h(
    'li',
    { class: `audit-entry kind-${entry.kind}`, 'data-kind': entry.kind, 'data-position': entry.position },
    h('p', { class: 'audit-line' }, h('strong', { class: 'audit-kind' }, auditKindLabels[entry.kind] ?? entry.kind), ' · ', what),
    h('p', { class: 'audit-meta' }, h('time', { datetime: entry.recordedAt }, formatDateTime(entry.recordedAt)), ` by ${actorText(entry)}, ledger position ${entry.position}`),
    entry.reason ? h('p', { class: 'reason' }, `“${entry.reason}”`) : null,
  )
}

/** Fact id -> question for every fact (every page of the list). */
export async function factQuestions(signal) {
  const facts = await getAll('/facts', {}, { signal })
  return new Map(facts.map((f) => [f.factId, f.question]))
}
