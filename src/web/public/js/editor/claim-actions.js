/**
 * The editor actions on a fact page, each a form spec for openActionDialog:
 * correct, retract, dispute, reassign a claim; record a new claim (pin and
 * unpin are fact-actions.js). Claims carry If-Match with the claim's stream revision, pins
 * with the fact's; a new claim starts a new stream and needs none.
 */
import { enc, get, getAll } from '../api.js'
import { isoDay, modalityLabels } from '../format.js'
import { openActionDialog, reasonField } from './action-dialog.js'
import { pinClaim } from './fact-actions.js'
import { sameValue } from './form-fields.js'
import { openDisputes } from '../views/disputes.js'
import { actorText } from '../views/people.js'

const modalityOptions = Object.entries(modalityLabels)
const readingHelp = 'Only when the figure is not printed in the quote (read from a table, say): why it is the figure. Shown with the claim.'

/** What the form shows of a claim, and what a stale-revision refresh compares. */
function claimValues(claim) {
  return {
    value: claim.value.text,
    quote: claim.citation.quote,
    attributedTo: claim.attributedTo,
    via: claim.via,
    modality: claim.modality,
    validAt: /^\d{4}-\d{2}-\d{2}$/.test(claim.validAt) ? claim.validAt : isoDay(claim.validAt),
    reading: claim.reading?.reason ?? '',
  }
}

async function loadClaim(claimId, extra = {}) {
  const result = await get(`/claims/${enc(claimId)}`)
  if (!result.ok) return result
  const { claim, revision } = result.data
  const snapshot = { ...claimValues(claim), retracted: Boolean(claim.retracted), disputes: claim.disputes.length, openDisputes: openDisputes(claim).length, factId: claim.factId }
  const last = claim.lifecycle.at(-1)?.stamp
  return { ok: true, values: { ...claimValues(claim), reason: '', ...extra }, precondition: { ifMatch: result.etag ?? `"${revision}"`, snapshot, changedBy: last ? actorText(last) : null } }
}

const labels = { value: 'Value', quote: 'Quote', attributedTo: 'Attributed to', via: 'Via', modality: 'Modality', validAt: 'True as of', factId: 'Filed under fact' }

export function describeClaimChange(before, after) {
  if (!before || !after) return []
  const lines = []
  for (const [k, label] of Object.entries(labels)) {
    if (!sameValue(before[k], after[k])) lines.push(`${label}: “${show(before[k])}” → “${show(after[k])}”`)
  }
  if (!before.retracted && after.retracted) lines.push('The claim was retracted')
  if (after.disputes > before.disputes) lines.push('The claim was disputed')
  if ((after.openDisputes ?? 0) < (before.openDisputes ?? 0)) lines.push('A dispute was resolved')
  return lines
}

const show = (v) => (Array.isArray(v) ? v.join(' → ') || '(none)' : String(v ?? ''))
const staleClaim = 'Someone changed this claim since you opened it.'

/** `done(message)` refreshes the page and returns the message to announce. */
export function correctClaim(claimId, done) {
  return openActionDialog({
    draftKey: `correct:${claimId}`,
    title: 'Correct our record of this claim',
    intro: 'For a transcription error: what the source said was recorded wrongly. Change only what was wrong; the old version stays in the claim’s history.',
    submitLabel: 'Record correction',
    fields: [
      { name: 'value', label: 'Figure as the source stated it', path: 'changes.value', help: 'As printed, with its hedge: “21”, “more than 20”, “nearly 2,000”' },
      { name: 'quote', label: 'Quote', path: 'changes.citation.quote', type: 'textarea' },
      { name: 'attributedTo', label: 'Attributed to (who said it)', path: 'changes.attributedTo' },
      { name: 'via', label: 'Via (one link of the chain per line)', path: 'changes.via', type: 'lines', help: 'e.g. “according to documents seen by Bloomberg”' },
      { name: 'modality', label: 'Modality', path: 'changes.modality', type: 'select', options: modalityOptions },
      { name: 'validAt', label: 'True as of (valid time)', path: 'changes.validAt', type: 'date' },
      { name: 'reading', label: 'Editor’s reading', path: 'changes.reading.reason', type: 'textarea', help: readingHelp },
      reasonField('Why the record was wrong; kept with the correction.'),
    ],
    load: () => loadClaim(claimId),
    build(values, initial, pre) {
      const changes = {}
      for (const k of ['value', 'attributedTo', 'via', 'modality', 'validAt']) if (!sameValue(values[k], initial[k])) changes[k] = values[k]
      if (!sameValue(values.quote, initial.quote)) changes.citation = { quote: values.quote }
      if (!sameValue(values.reading, initial.reading)) changes.reading = values.reading.trim() ? { reason: values.reading } : null
      return { method: 'POST', path: `/claims/${enc(claimId)}/corrections`, body: { reason: values.reason, changes }, ifMatch: pre.ifMatch }
    },
    staleText: staleClaim,
    describeStale: describeClaimChange,
    done: (result) => done(`Correction recorded at ledger position ${result.data?.position ?? '?'}.`),
  })
}

function reasonOnly({ claimId, kind, title, intro, submitLabel, help, done, message }) {
  return openActionDialog({
    draftKey: `${kind}:${claimId}`,
    title,
    intro,
    submitLabel,
    fields: [reasonField(help)],
    load: () => loadClaim(claimId),
    build: (values, _initial, pre) => ({ method: 'POST', path: `/claims/${enc(claimId)}/${kind}`, body: { reason: values.reason }, ifMatch: pre.ifMatch }),
    staleText: staleClaim,
    describeStale: describeClaimChange,
    done: (result) => done(`${message} at ledger position ${result.data?.position ?? '?'}.`),
  })
}

export const retractClaim = (claimId, done) =>
  reasonOnly({
    claimId,
    kind: 'retractions',
    title: 'Retract this claim',
    intro: 'The source withdrew it. The claim stays in the ledger, marked retracted, and no longer counts toward the value.',
    submitLabel: 'Retract claim',
    help: 'e.g. the publisher’s correction notice',
    done,
    message: 'Retraction recorded',
  })

/** Resolve one open dispute: upheld takes the claim out of reconciliation, dismissed lets it count again. */
export function resolveDispute(claimId, dispute, outcome, done) {
  const upheld = outcome === 'upheld'
  return openActionDialog({
    draftKey: `resolve:${claimId}:${dispute.disputeId}:${outcome}`,
    title: upheld ? 'Uphold this dispute' : 'Dismiss this dispute',
    intro: `The dispute: “${dispute.reason}”. ${upheld ? 'Upheld, the claim no longer counts toward the fact’s value.' : 'Dismissed, the claim counts toward the value again.'} The dispute and its resolution stay in the claim’s history.`,
    submitLabel: upheld ? 'Uphold dispute' : 'Dismiss dispute',
    fields: [reasonField(upheld ? 'Why the doubt is right' : 'Why the claim stands')],
    load: () => loadClaim(claimId),
    build: (values, _initial, pre) => ({ method: 'POST', path: `/claims/${enc(claimId)}/dispute-resolutions`, body: { disputeId: dispute.disputeId, outcome, reason: values.reason }, ifMatch: pre.ifMatch }),
    staleText: staleClaim,
    describeStale: describeClaimChange,
    done: (result) => done(`Dispute ${upheld ? 'upheld' : 'dismissed'} at ledger position ${result.data?.position ?? '?'}.`),
  })
}

export const disputeClaim = (claimId, done) =>
  reasonOnly({
    claimId,
    kind: 'disputes',
    title: 'Dispute this claim',
    intro: 'Flag doubt about the claim for other editors. A dispute does not change the reconciled value by itself.',
    submitLabel: 'Record dispute',
    help: 'What is in doubt, and why',
    done,
    message: 'Dispute recorded',
  })

export function reassignClaim(claimId, currentFactId, facts, done) {
  return openActionDialog({
    draftKey: `reassign:${claimId}`,
    title: 'File this claim under another fact',
    intro: 'For a claim about a different question, like a subset (“15 security leaders among the 21”) filed under the total.',
    submitLabel: 'Move claim',
    fields: [
      {
        name: 'toFactId',
        label: 'Move to fact (id)',
        path: 'toFactId',
        required: true,
        help: 'Start typing to pick from the facts in the ledger.',
        suggestions: facts.filter((f) => f.factId !== currentFactId).map((f) => [f.factId, f.question]),
      },
      reasonField('Why the claim belongs to that fact'),
    ],
    load: () => loadClaim(claimId, { toFactId: '' }),
    build: (values, _initial, pre) => ({
      method: 'POST',
      path: `/claims/${enc(claimId)}/reassignments`,
      body: { toFactId: values.toFactId, reason: values.reason },
      ifMatch: pre.ifMatch,
    }),
    staleText: staleClaim,
    describeStale: describeClaimChange,
    done: (result) => done(`Claim moved at ledger position ${result.data?.position ?? '?'}.`),
  })
}

export function recordClaim(factId, sources, done) {
  const sourceOptions = [['', 'Choose a source…'], ...sources.map((s) => [s.sourceId, `${s.publisher} — ${s.title} (${isoDay(s.publishedAt)})`])]
  return openActionDialog({
    draftKey: `record:${factId}`,
    title: 'Record a claim for this fact',
    intro: 'A figure a source printed, with the words it used. The source must already be registered.',
    submitLabel: 'Record claim',
    fields: [
      { name: 'sourceId', label: 'Source', path: 'sourceId', type: 'select', options: sourceOptions, required: true },
      { name: 'value', label: 'Figure as the source stated it', path: 'value', required: true, help: 'With its hedge: “21”, “more than 20”, “up to $15 million”' },
      { name: 'quote', label: 'Quote', path: 'citation.quote', type: 'textarea', required: true, help: 'The sentence that states the figure, word for word' },
      { name: 'attributedTo', label: 'Attributed to (who said it)', path: 'attributedTo', required: true, help: 'e.g. “U.S. Treasury”' },
      { name: 'via', label: 'Via (one link of the chain per line)', path: 'via', type: 'lines' },
      { name: 'modality', label: 'Modality', path: 'modality', type: 'select', options: modalityOptions, required: true },
      { name: 'validAt', label: 'True as of (valid time)', path: 'validAt', type: 'date', required: true, help: 'When the figure was true in the world' },
      { name: 'reading', label: 'Editor’s reading', path: 'reading.reason', type: 'textarea', help: readingHelp },
    ],
    load: async () => ({
      ok: true,
      values: { sourceId: '', value: '', quote: '', attributedTo: '', via: [], modality: 'reported', validAt: '', reading: '' },
      precondition: {},
    }),
    build: (values) => ({
      method: 'POST',
      path: '/claims',
      body: {
        factId,
        sourceId: values.sourceId,
        citation: { quote: values.quote },
        attributedTo: values.attributedTo,
        via: values.via,
        value: values.value,
        modality: values.modality,
        validAt: values.validAt,
        ...(values.reading.trim() ? { reading: { reason: values.reading } } : {}),
      },
    }),
    staleText: 'The ledger changed since you opened the form.',
    done: (result) => done(`Claim recorded at ledger position ${result.data?.position ?? '?'}.`),
  })
}

/** The actions of the claim cards filed under `factId`; `refresh(message)` redraws the page after a write. */
export function claimActions(factId, refresh) {
  return {
    correct: (id) => correctClaim(id, refresh),
    retract: (id) => retractClaim(id, refresh),
    dispute: (id) => disputeClaim(id, refresh),
    reassign: async (id) => {
      return reassignClaim(id, factId, await getAll('/facts'), refresh)
    },
    pin: (id) => pinClaim(factId, id, refresh),
    resolve: (id, dispute, outcome) => resolveDispute(id, dispute, outcome, refresh),
  }
}
