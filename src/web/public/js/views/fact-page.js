/**
 * A fact: its reconciled value and why, the record at another time, the
 * timeline of claimed values, and every claim as a card with the editor's
 * actions. Watches the live feed and offers to refresh when someone else
 * changes the fact, rather than redrawing under the reader's eyes.
 */
import { enc, get, getAll, problemText } from '../api.js'
import { announce, h, replaceChildren } from '../dom.js'
import { formatDate, originsText, withUnit } from '../format.js'
import { claimActions, recordClaim } from '../editor/claim-actions.js'
import { unpinFact } from '../editor/fact-actions.js'
import { statusBadge } from './badges.js'
import { claimCard, claimLabel, roleOf } from './claim-card.js'
import { watchFact } from './fact-watch.js'
import { actorText } from './people.js'
import { createTimeTravel } from './time-travel.js'
import { loadFactPast } from './fact-past.js'
import { factVersions } from './fact-versions.js'
import { renderTimeline } from './timeline-chart.js'

const stepLabels = {
  'valid-time': 'Valid time',
  dropped: 'Left out',
  corrected: 'Corrected',
  pinned: 'Pinned',
  superseded: 'Superseded',
  intersected: 'Combined',
  conflict: 'Conflict',
  'no-claims': 'No claims',
}

export async function renderFactPage({ main, params, signal }, factId) {
  let loadedPosition = 0n
  let loadedClaims = new Set()
  let drawn = null
  const banner = h('div', { class: 'banner', role: 'status', hidden: true })

  async function draw(clocks) {
    const [viewR, historyR, headR] = await Promise.all([get(`/facts/${enc(factId)}`, { signal }), loadFactPast(factId, signal), get('/ledger/head', { signal })])
    // Left for another page while loading: drawing now would cover that page with this one.
    if (signal.aborted) return
    if (!viewR.ok || !historyR.ok) {
      const r = viewR.ok ? historyR : viewR
      document.title = 'Fact not found — factledger'
      replaceChildren(main, backLink(), h('h1', {}, r.status === 404 ? 'No such fact' : 'Could not load this fact'), h('p', { class: 'error' }, r.status === 404 ? `The ledger has no fact with the id “${factId}”.` : problemText(r.problem)))
      return
    }
    const view = viewR.data
    const { fact, claims, sources } = historyR.data
    loadedPosition = BigInt(headR.ok ? headR.data.position : view.asOf.position)
    banner.hidden = true
    drawn?.timeline.destroy()

    const sourcesById = new Map(sources.map((s) => [s.sourceId, s]))
    const claimsById = new Map(claims.map((c) => [c.claimId, c]))
    loadedClaims = new Set(claimsById.keys())
    const byPublication = [...claims].sort((a, b) => (sourcesById.get(a.sourceId)?.publishedAt ?? '').localeCompare(sourcesById.get(b.sourceId)?.publishedAt ?? '') || Number(a.lifecycle[0]?.stamp.position ?? 0) - Number(b.lifecycle[0]?.stamp.position ?? 0))
    const label = (id) => (claimsById.has(id) ? claimLabel(claimsById.get(id), sourcesById.get(claimsById.get(id).sourceId)) : id)

    const refresh = async (message) => {
      await draw(currentClocks())
      main.querySelector('h1')?.focus()
      return message
    }
    const actions = claimActions(factId, refresh)
    const cards = byPublication.map((claim) => claimCard({ claim, source: sourcesById.get(claim.sourceId), view, factId, factsById: null, actions }))
    const chartBox = h('div', { class: 'timeline' })

    document.title = `${view.question} — factledger`
    replaceChildren(
      main,
      backLink(),
      banner,
      h('h1', { tabindex: '-1' }, view.question),
      h('p', { class: 'fact-meta' }, `Subject: ${fact.subject} · unit: ${fact.unit} · ${fact.kind}${fact.timeVarying ? ' · a running figure' : ''}`, fact.subsetOf ? [' · part of ', h('a', { href: `#/facts/${enc(fact.subsetOf)}` }, fact.subsetOf)] : null),
      valuePanel(view, fact, label, () => unpinFact(factId, refresh)),
      explanationPanel(view, label),
      // A receipt lets anyone check this figure offline, without trusting this server (factledger verify-receipt).
      h('p', { class: 'receipt-link' }, h('a', { href: `/facts/${enc(factId)}/receipt`, download: `receipt-${factId}.json`, 'data-testid': 'download-receipt' }, 'Download receipt'), ' — the figure, a signed ledger head and a proof for every event behind it, checkable with ', h('code', {}, 'factledger verify-receipt'), '.'),
      exportsPanel(factId),
      createTimeTravel({
        factId,
        view,
        versions: factVersions(historyR.data),
        claimsById,
        sourcesById,
        initial: clocks,
        signal,
        onChange: (then, chosen) => {
          drawn?.timeline.update(then, chosen.knownAt)
          showThenRoles(cards, then, view)
        },
      }),
      h('section', { class: 'panel', 'aria-labelledby': 'timeline-heading' }, h('h2', { id: 'timeline-heading' }, 'Timeline of claimed values'), h('p', { class: 'help' }, 'Each line runs from the lower to the upper bound a claim allows, at the date it was published; the green line (a band, for a range) is the reconciled value.'), chartBox),
      h(
        'section',
        { class: 'claims', 'aria-labelledby': 'claims-heading' },
        h('div', { class: 'section-head' }, h('h2', { id: 'claims-heading' }, `Claims (${claims.length})`), h('button', { type: 'button', class: 'button editor-only', onclick: () => openRecordClaim(factId, refresh) }, 'Record a claim')),
        claims.length ? h('ul', { class: 'claim-list' }, cards) : h('p', {}, 'No claims recorded for this fact yet.'),
      ),
    )
    drawn = { timeline: renderTimeline(chartBox, { claims: byPublication, sourcesById, view, unit: fact.unit, kind: fact.kind }) }
  }

  function currentClocks() {
    const query = new URLSearchParams(location.hash.split('?')[1] ?? '')
    return { knownAt: query.get('knownAt'), asOf: query.get('asOf') }
  }

  await draw({ knownAt: params.get('knownAt'), asOf: params.get('asOf') })
  watchFact({
    factId,
    signal,
    since: () => loadedPosition,
    claimIds: () => loadedClaims,
    onChange: () => {
      replaceChildren(banner, 'This fact changed since you opened the page. ', h('button', { type: 'button', class: 'button small', onclick: () => draw(currentClocks()).then(() => announce('Showing the latest version.')) }, 'Show the latest'))
      banner.hidden = false
    },
  })
}

function backLink() {
  return h('p', { class: 'back' }, h('a', { href: '#/' }, '← All facts'))
}

async function openRecordClaim(factId, refresh) {
  return recordClaim(factId, await getAll('/sources'), refresh)
}

function valuePanel(view, fact, label, unpin) {
  return h(
    'section',
    { class: 'panel value-panel', 'aria-labelledby': 'value-heading' },
    h('h2', { id: 'value-heading', class: 'visually-hidden' }, 'Reconciled value'),
    h('p', { class: 'big-value' }, h('span', { class: 'value', 'data-testid': 'reconciled-value' }, withUnit(view.display, view.unit)), ' ', statusBadge(view.status)),
    h('p', { class: 'value-meta' }, originsText(view.origins), view.attributedTo.length ? ` · per ${view.attributedTo.join(', ')}` : ''),
    view.summary ? h('p', { class: 'summary' }, view.summary) : null,
    disputesNote(view),
    fact.pin
      ? h(
          'div',
          { class: 'pin-note' },
          h('p', {}, `Pinned by ${actorText(fact.pin.stamp)} on ${formatDate(fact.pin.stamp.recordedAt)}: ${label(fact.pin.claimId)} — “${fact.pin.reason}”`),
          h('button', { type: 'button', class: 'button small secondary editor-only', onclick: unpin }, 'Unpin'),
        )
      : null,
    h('p', { class: 'help' }, `Reconciliation policy v${view.policyVersion}; reflects the ledger up to position ${view.asOf.position}.`),
  )
}

/** Downloads of the fact for other tools, and its audit trail. */
function exportsPanel(factId) {
  const id = enc(factId)
  const file = (href, text, name) => h('a', { class: 'button secondary small', href, download: name }, text)
  return h(
    'section',
    { class: 'panel exports', 'aria-labelledby': 'exports-heading' },
    h('h2', { id: 'exports-heading' }, 'Export and audit'),
    h(
      'p',
      { class: 'button-row' },
      file(`/facts/${id}/claimreview`, 'ClaimReview (JSON-LD)', `${factId}-claimreview.jsonld`),
      file(`/facts/${id}/prov`, 'Provenance (W3C PROV-JSON)', `${factId}-prov.json`),
      file(`/facts/${id}/claims.csv`, 'Claims (CSV)', `${factId}-claims.csv`),
      h('a', { class: 'button secondary small', href: `#/audit?factId=${id}` }, 'Audit trail of this fact'),
    ),
  )
}

/** Open disputes on the fact's claims: how many and why (from the fact view, when the server reports them). */
function disputesNote(view) {
  const open = view.disputes?.open ?? 0
  if (!open) return null
  return h(
    'div',
    { class: 'disputes-note', 'data-testid': 'fact-disputes' },
    h('p', {}, h('strong', {}, `${open} open ${open === 1 ? 'dispute' : 'disputes'}`), ' on claims of this fact:'),
    h('ul', {}, view.disputes.reasons.map((r) => h('li', {}, `“${r}”`))),
  )
}

function explanationPanel(view, label) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'why-heading' },
    h('h2', { id: 'why-heading' }, 'Why this value'),
    view.explanation.length
      ? h(
          'ol',
          { class: 'steps' },
          view.explanation.map((step) =>
            h(
              'li',
              { class: `step step-${step.step}` },
              h('span', { class: 'step-kind' }, stepLabels[step.step] ?? step.step),
              ' ',
              step.detail,
              step.claimIds.length ? h('span', { class: 'step-claims' }, ' ', step.claimIds.map((id) => h('button', { type: 'button', class: 'button link', onclick: () => focusClaim(id) }, label(id)))) : null,
            ),
          ),
        )
      : h('p', {}, 'No steps: the fact has no claims yet.'),
  )
}

function focusClaim(claimId) {
  const card = document.getElementById(`claim-${claimId}`)
  if (!card) return
  card.scrollIntoView({ block: 'start' })
  card.focus({ preventScroll: true })
}

/** Mark each card whose part in the value was different at the chosen time. */
function showThenRoles(cards, then, now) {
  for (const card of cards) {
    const el = card.querySelector('.then-role')
    if (!then) {
      el.hidden = true
      continue
    }
    const id = card.dataset.claimId
    const before = roleOf(then, id)
    const after = roleOf(now, id)
    el.hidden = before.key === after.key && before.text === after.text
    replaceChildren(el, h('mark', {}, `Then: ${before.text}`))
  }
}
