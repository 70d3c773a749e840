/**
 * One claim as a card: the figure and the words the source printed, who said
 * it and through whom, the source, its modality, its part in the reconciled
 * value, and everything that happened to it since it was recorded.
 */
import { enc } from '../api.js'
import { h, uid } from '../dom.js'
import { formatDate, formatDateTime } from '../format.js'
import { lifecycleBadge, modalityBadge } from './badges.js'
import { disputeList, openDisputes } from './disputes.js'
import { actorText } from './people.js'

/** The claim's part in a view, in words. */
export function roleOf(view, claimId) {
  if (!view) return { key: 'absent', text: 'Not part of this view' }
  if (view.supporting.includes(claimId)) return { key: 'supporting', text: 'Supports the value' }
  if (view.superseded.includes(claimId)) return { key: 'superseded', text: 'Superseded by a later claim' }
  if (view.conflicting.includes(claimId)) return { key: 'conflicting', text: 'In conflict with the value' }
  const excluded = view.excluded.find((e) => e.claimId === claimId)
  if (excluded) return { key: 'excluded', text: `Left out: ${excluded.reason}` }
  return { key: 'absent', text: 'Not part of this view' }
}

/** A short name for a claim in lists: “15 (Bloomberg Línea, 3 Sep 2024)”. */
export function claimLabel(claim, source) {
  return source ? `${claim.value.text} (${source.publisher}, ${formatDate(source.publishedAt)})` : claim.value.text
}

/**
 * actions: { correct, retract, dispute, reassign, pin } callbacks taking the claim id,
 * shown only while an editor key is set (CSS .editor-only).
 */
export function claimCard({ claim, source, view, factId, factsById, actions }) {
  const role = roleOf(view, claim.claimId)
  const headingId = uid('claim')
  const corrections = claim.lifecycle.filter((e) => e.action === 'corrected')
  const reassigned = claim.lifecycle.filter((e) => e.action === 'reassigned')
  const isSuperseded = Boolean(view?.superseded.includes(claim.claimId))
  const supersededStep = isSuperseded ? view.explanation.find((s) => s.step === 'superseded' && s.claimIds.includes(claim.claimId)) : null
  const badges = [
    modalityBadge(claim.modality),
    corrections.length ? lifecycleBadge('corrected', `${corrections.length} correction(s)`) : null,
    claim.retracted ? lifecycleBadge('retracted', claim.retracted.reason) : null,
    source?.retracted ? lifecycleBadge('source retracted', source.retracted.reason) : null,
    reassigned.length ? lifecycleBadge('reassigned', 'filed under another fact before') : null,
    openDisputes(claim).length ? lifecycleBadge('disputed', openDisputes(claim).map((d) => d.reason).join('; ')) : null,
    isSuperseded ? lifecycleBadge('superseded', supersededStep?.detail ?? 'superseded') : null,
  ]
  const movedAway = claim.factId !== factId
  const thenRole = h('p', { class: 'then-role', hidden: true })

  return h(
    'li',
    { class: `claim-card role-${role.key}`, id: `claim-${claim.claimId}`, 'data-claim-id': claim.claimId, tabindex: '-1' },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h('div', { class: 'claim-head' }, h('h3', { id: headingId, class: 'claim-value' }, h('a', { href: `#/claims/${enc(claim.claimId)}`, title: 'Permalink to this claim' }, claim.value.text)), h('p', { class: 'badges' }, badges)),
      h('p', { class: `claim-role role-${role.key}` }, movedAway ? movedText(claim, factsById) : role.text),
      supersededStep ? h('p', { class: 'claim-note' }, supersededStep.detail) : null,
      thenRole,
      h('blockquote', { class: 'quote', cite: source?.url ?? null }, h('p', {}, `“${claim.citation.quote}”`)),
      quoteCheck(claim, source),
      // An editor's reading: the figure is not printed in the quote, so say whose reading it is and why.
      claim.reading ? h('p', { class: 'claim-reading' }, h('strong', {}, 'Editor’s reading: '), claim.reading.reason) : null,
      h(
        'dl',
        { class: 'claim-facts' },
        h('dt', {}, 'Said by'),
        h('dd', {}, attribution(claim)),
        h('dt', {}, 'Source'),
        h('dd', {}, sourceLine(source, claim.sourceId)),
        h('dt', {}, 'True as of'),
        h('dd', {}, formatDate(claim.validAt)),
        claim.reassignedFrom.length ? [h('dt', {}, 'Filed before under'), h('dd', {}, claim.reassignedFrom.map((f, i) => [i ? ', ' : '', factLink(f, factsById)]))] : null,
      ),
      disputeList(claim, actions, Boolean(claim.retracted) || movedAway),
      history(claim),
      editorActions(claim, movedAway, actions),
    ),
  )
}

/**
 * The editor's buttons. An action the ledger would refuse is disabled, and
 * the reason is said next to the buttons (and tied to each one), rather than
 * letting the editor fill in a form only to be told no.
 */
function editorActions(claim, movedAway, actions) {
  const reasonId = uid('actions-why')
  const why = claim.retracted
    ? 'This claim was retracted: it can no longer be corrected, disputed, moved or pinned.'
    : movedAway
      ? 'This claim is filed under another fact now: act on it from that fact’s page.'
      : null
  const off = Boolean(why)
  const describedBy = off ? reasonId : null
  const button = (label, onclick) => h('button', { type: 'button', class: 'button small secondary', onclick, disabled: off, 'aria-describedby': describedBy }, label)
  return h(
    'div',
    { class: 'claim-actions editor-only', role: 'group', 'aria-label': `Editor actions for claim ${claim.value.text}` },
    button('Correct', () => actions.correct(claim.claimId)),
    button('Retract', () => actions.retract(claim.claimId)),
    button('Dispute', () => actions.dispute(claim.claimId)),
    button('Reassign', () => actions.reassign(claim.claimId)),
    button('Pin as preferred', () => actions.pin(claim.claimId)),
    why ? h('p', { class: 'help actions-why', id: reasonId }, why) : null,
  )
}

/** Whether anyone has checked the quote against what the source printed, said plainly. */
function quoteCheck(claim, source) {
  if (claim.citation.verified) return h('p', { class: 'quote-check checked' }, '✓ Quote checked: these words are in the saved copy of the source.')
  const why = source && !source.snapshotSha256
    ? 'This source has no saved copy, so nobody has confirmed that it printed these words. Check the original before relying on it.'
    : 'Not checked against the saved copy of the source. Check the original before relying on it.'
  return h('p', { class: 'quote-check unchecked', 'data-testid': 'quote-unchecked' }, h('strong', {}, 'Quote not checked. '), why)
}

function attribution(claim) {
  const chain = claim.via.length ? [' — via ', claim.via.join(' → ')] : []
  return [h('strong', {}, claim.attributedTo), ...chain]
}

function sourceLine(source, sourceId) {
  if (!source) return `source ${sourceId} (not found)`
  const title = h('a', { href: `#/sources/${enc(source.sourceId)}` }, source.title)
  const original = source.url ? [' (', h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, 'original', h('span', { class: 'visually-hidden' }, ', opens in a new tab')), ')'] : []
  const origin = source.origin && source.origin !== source.publisher ? ` (reporting by ${source.origin})` : ''
  return [h('span', { class: 'publisher' }, source.publisher), origin, ', ', title, original, ', published ', h('time', { datetime: source.publishedAt }, formatDate(source.publishedAt)), ` · reliability tier ${source.tier}`]
}

function factLink(factId, factsById) {
  const fact = factsById?.get(factId)
  return h('a', { href: `#/facts/${enc(factId)}` }, fact ? fact.question : factId)
}

function movedText(claim, factsById) {
  return ['Moved to another fact: ', factLink(claim.factId, factsById)]
}

const actionWords = { recorded: 'Recorded', corrected: 'Corrected', retracted: 'Retracted', disputed: 'Disputed', 'dispute-resolved': 'Dispute resolved', reassigned: 'Reassigned' }

function history(claim) {
  return h(
    'details',
    { class: 'claim-history' },
    h('summary', {}, `History of this claim (${claim.lifecycle.length} ${claim.lifecycle.length === 1 ? 'entry' : 'entries'})`),
    h(
      'ol',
      {},
      claim.lifecycle.map((entry) =>
        h(
          'li',
          {},
          h('strong', {}, actionWords[entry.action] ?? entry.action),
          ` ${formatDateTime(entry.stamp.recordedAt)} by ${actorText(entry.stamp)}, ledger position ${entry.stamp.position}`,
          entry.reason ? h('span', { class: 'reason' }, ` — “${entry.reason}”`) : null,
          changeList(entry),
        ),
      ),
    ),
  )
}

function changeList(entry) {
  if (!entry.before && !entry.after) return null
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])]
  return h(
    'ul',
    { class: 'changes' },
    keys.map((k) => h('li', {}, `${k}: `, h('del', {}, showValue(entry.before?.[k])), ' → ', h('ins', {}, showValue(entry.after?.[k])))),
  )
}

function showValue(v) {
  if (v === undefined || v === null) return '(none)'
  if (typeof v === 'string') return v
  if (Array.isArray(v)) return v.map(showValue).join(' → ') || '(none)'
  if (typeof v === 'object' && 'text' in v) return String(v.text) // a Quantity
  if (typeof v === 'object' && 'quote' in v) return String(v.quote) // a Citation
  return JSON.stringify(v)
}
