/**
 * Resolving a dispute on a claim: upheld (the claim leaves reconciliation,
 * with the reason) or dismissed (it counts again). Sent with the claim's
 * revision as If-Match, like the other claim actions.
 */
import { enc, get } from '../api.js'
import { openActionDialog } from './action-dialog.js'

const outcomeOptions = [
  ['dismissed', 'Dismissed: the claim counts again'],
  ['upheld', 'Upheld: the claim leaves reconciliation'],
]

async function loadOpenDispute(claimId) {
  const result = await get(`/claims/${enc(claimId)}`)
  if (!result.ok) return result
  const { claim, revision } = result.data
  const open = claim.disputes.filter((d) => d.status === 'open')
  const snapshot = { openDisputes: open.map((d) => d.disputeId).join(',') }
  return {
    ok: true,
    values: { disputeId: open[0]?.disputeId ?? '', outcome: 'dismissed', reason: '' },
    precondition: { ifMatch: result.etag ?? `"${revision}"`, snapshot, open },
  }
}

/** `disputes` are the claim's open disputes, as the card shows them (id and reason). */
export function resolveDispute(claimId, disputes, done) {
  return openActionDialog({
    draftKey: `resolve-dispute:${claimId}`,
    title: 'Resolve a dispute on this claim',
    intro: 'Upheld: the claim stays in the record but no longer counts towards the value. Dismissed: it counts again, towards confirmation too.',
    submitLabel: 'Record resolution',
    fields: [
      { name: 'disputeId', label: 'Dispute', path: 'disputeId', type: 'select', required: true, options: disputes.map((d) => [d.disputeId, `“${d.reason}” (${d.by})`]) },
      { name: 'outcome', label: 'Outcome', path: 'outcome', type: 'select', required: true, options: outcomeOptions },
      { name: 'reason', label: 'Reason', path: 'reason', type: 'textarea', required: true, help: 'What settled it; kept with the resolution and shown with the fact.' },
    ],
    load: () => loadOpenDispute(claimId),
    build: (values, _initial, pre) => ({
      method: 'POST',
      path: `/claims/${enc(claimId)}/dispute-resolutions`,
      body: { disputeId: values.disputeId, outcome: values.outcome, reason: values.reason },
      ifMatch: pre.ifMatch,
    }),
    staleText: 'Someone changed this claim since you opened the form.',
    describeStale: (before, after) => (before && after && before.openDisputes !== after.openDisputes ? ['The open disputes changed'] : []),
    done: (result) => done(`Dispute resolution recorded at ledger position ${result.data?.position ?? '?'}.`),
  })
}
