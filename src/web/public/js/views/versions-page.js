/**
 * A fact's versions (#/facts/<id>/versions?from=&to=), like a wiki page's
 * history: every version in words, newest first, each with its permalink
 * (#/facts/<id>?asOf=<position>) and a link comparing it with the one
 * before; above them, any two versions side by side with every difference
 * marked. `from` and `to` are ledger positions; an empty `to` is now.
 */
import { enc, get, problemText, withQuery } from '../api.js'
import { h, replaceChildren } from '../dom.js'
import { formatDate } from '../format.js'
import { factVersions, versionAt } from './fact-versions.js'
import { diffTable, viewRows } from './version-diff.js'

export async function renderVersionsPage({ main, params, signal }, factId) {
  const historyR = await get(`/facts/${enc(factId)}/history`, { signal })
  if (signal.aborted) return
  const back = h('p', { class: 'back' }, h('a', { href: `#/facts/${enc(factId)}` }, '← The fact now'))
  if (!historyR.ok) {
    document.title = 'Fact not found — factledger'
    replaceChildren(main, back, h('h1', {}, historyR.status === 404 ? 'No such fact' : 'Could not load this fact'), h('p', { class: 'error' }, historyR.status === 404 ? `The ledger has no fact with the id “${factId}”.` : problemText(historyR.problem)))
    return
  }
  const history = historyR.data
  const versions = factVersions(history)
  const last = versions.at(-1)
  const to = params.has('to') ? versionAt(versions, params.get('to')) : last
  const from = params.has('from') ? versionAt(versions, params.get('from')) : versions[Math.max(0, to.n - 1)]
  const [fromR, toR] = await Promise.all([viewAt(factId, from, signal), viewAt(factId, to, signal)])
  if (signal.aborted) return

  const sourcesById = new Map(history.sources.map((s) => [s.sourceId, s]))
  const claimsById = new Map(history.claims.map((c) => [c.claimId, c]))
  // A claim is named by its source, not its value: the value it has now may not be the one it had in an older version.
  const label = (id) => {
    const source = sourcesById.get(claimsById.get(id)?.sourceId)
    return source ? `${source.publisher}, ${formatDate(source.publishedAt)}` : id
  }
  const heading = (v) => h('a', { href: permalink(factId, v) }, `Version ${v.n}${v === last ? ' (now)' : ''}`)
  const { table, changed } = diffTable([{ heading: heading(from), rows: viewRows(fromR, label) }, { heading: heading(to), rows: viewRows(toR, label) }], { markIn: 1, caption: `Version ${from.n} and version ${to.n} compared` })

  document.title = `Versions: ${history.fact.question} — factledger`
  replaceChildren(
    main,
    back,
    h('h1', {}, 'Versions of this fact'),
    h('p', { class: 'lede' }, h('a', { href: `#/facts/${enc(factId)}` }, history.fact.question), ` Every event of the fact and its claims makes a version: ${versions.length - 1} so far. Each has a permalink that shows the fact as the ledger said it then.`),
    compareForm(factId, versions, from, to),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'compare-heading' },
      h('h2', { id: 'compare-heading' }, `Version ${from.n} and version ${to.n}`),
      h('dl', { class: 'version-pair' }, h('dt', {}, `Version ${from.n}`), h('dd', {}, sentence(from)), h('dt', {}, `Version ${to.n}`), h('dd', {}, sentence(to))),
      h('p', { 'data-testid': 'compare-result' }, from === to ? 'The same version on both sides.' : changed ? `${changed} ${changed === 1 ? 'thing differs' : 'things differ'} (marked in version ${to.n}).` : 'Nothing in the fact’s answer differs between these versions.'),
      table,
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, 'All versions, newest first'),
      h(
        'ol',
        { class: 'version-list', reversed: true, start: String(last.n) },
        [...versions].reverse().filter((v) => v.n > 0).map((v) =>
          h(
            'li',
            { 'data-version': String(v.n) },
            h('a', { href: permalink(factId, v) }, `Version ${v.n}`),
            `: ${sentence(v)} `,
            h('a', { href: withQuery(`#/facts/${enc(factId)}/versions`, { from: at(versions[v.n - 1]), to: at(v) }), class: 'compare-link' }, 'compare with the one before', h('span', { class: 'visually-hidden' }, `: version ${v.n} with version ${v.n - 1}`)),
          ),
        ),
      ),
    ),
  )
}

async function viewAt(factId, version, signal) {
  const r = await get(withQuery(`/facts/${enc(factId)}`, { asOf: version.asOf }), { signal })
  return r.ok ? r.data : null
}

const sentence = (v) => v.label.charAt(0).toUpperCase() + v.label.slice(1) + '.'
/** A version in the address: its ledger position, or “now”. */
const at = (v) => v.asOf ?? 'now'
const permalink = (factId, v) => withQuery(`#/facts/${enc(factId)}`, { asOf: v.asOf })

function compareForm(factId, versions, from, to) {
  const select = (id, chosen) => h('select', { id, name: id }, versions.map((v) => h('option', { value: at(v), selected: v === chosen }, `${v.n}: ${v.label}`)))
  const fromSelect = select('compare-from', from)
  const toSelect = select('compare-to', to)
  return h(
    'form',
    {
      class: 'filters compare-form',
      'aria-label': 'Choose two versions',
      onsubmit: (event) => {
        event.preventDefault()
        location.hash = withQuery(`#/facts/${enc(factId)}/versions`, { from: fromSelect.value, to: toSelect.value })
      },
    },
    h('div', { class: 'field grow' }, h('label', { for: 'compare-from' }, 'Compare version'), fromSelect),
    h('div', { class: 'field grow' }, h('label', { for: 'compare-to' }, 'with version'), toSelect),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button' }, 'Compare')),
  )
}
