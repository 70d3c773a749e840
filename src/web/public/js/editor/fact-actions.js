/**
 * The editor actions on a fact itself: pin a claim as the preferred one, or
 * remove the pin. Both carry If-Match with the fact's stream revision, and a
 * stale form says what changed on the fact (its value, its status).
 */
import { enc, get } from '../api.js'
import { openActionDialog, reasonField } from './action-dialog.js'

async function loadFact(factId) {
  const result = await get(`/facts/${enc(factId)}`)
  if (!result.ok) return result
  const v = result.data
  return { ok: true, values: { reason: '' }, precondition: { ifMatch: result.etag, snapshot: { value: v.display, status: v.status } } }
}

const describeFactChange = (before, after) =>
  !before || !after
    ? []
    : [
        before.value !== after.value ? `Value: “${before.value}” → “${after.value}”` : null,
        before.status !== after.status ? `Status: ${before.status} → ${after.status}` : null,
      ].filter(Boolean)

export function pinClaim(factId, claimId, done) {
  return openActionDialog({
    draftKey: `pin:${factId}:${claimId}`,
    title: 'Pin this claim as the preferred one',
    intro: 'An editor’s choice overrides reconciliation: the fact shows this claim’s value, marked “pinned”, until unpinned.',
    submitLabel: 'Pin claim',
    fields: [reasonField('Why this claim should win; shown with the fact.')],
    load: () => loadFact(factId),
    build: (values, _initial, pre) => ({ method: 'POST', path: `/facts/${enc(factId)}/pins`, body: { claimId, reason: values.reason }, ifMatch: pre.ifMatch }),
    staleText: 'Someone changed this fact since you opened the form.',
    describeStale: describeFactChange,
    done: (result) => done(`Pin recorded at ledger position ${result.data?.position ?? '?'}.`),
  })
}

export function unpinFact(factId, done) {
  return openActionDialog({
    draftKey: `unpin:${factId}`,
    title: 'Remove the pin',
    intro: 'The fact goes back to the reconciled value of its claims.',
    submitLabel: 'Unpin',
    fields: [reasonField('Why the pin no longer applies')],
    load: () => loadFact(factId),
    build: (values, _initial, pre) => ({ method: 'DELETE', path: `/facts/${enc(factId)}/pins`, body: { reason: values.reason }, ifMatch: pre.ifMatch }),
    staleText: 'Someone changed this fact since you opened the form.',
    describeStale: describeFactChange,
    done: (result) => done(`Unpin recorded at ledger position ${result.data?.position ?? '?'}.`),
  })
}
