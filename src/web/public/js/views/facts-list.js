/** The facts list: search, filter by status, each fact's value as stated, status and independent origins. */
import { enc, get, problemText, withQuery } from '../api.js'
import { announce, h, replaceChildren } from '../dom.js'
import { originsText, statusLabels, withUnit } from '../format.js'
import { statusBadge } from './badges.js'
import { defineFact } from '../editor/new-entries.js'

const filterStatuses = ['confirmed', 'single-source', 'conflicting', 'pinned', 'no-claims']

export async function renderFactsList({ main, params, signal }) {
  document.title = 'Facts — factledger'
  const state = { q: params.get('q') ?? '', status: params.get('status') ?? '' }

  const search = h('input', { id: 'fact-search', name: 'q', type: 'search', value: state.q, autocomplete: 'off', 'aria-describedby': 'fact-search-help' })
  const status = h(
    'select',
    { id: 'fact-status', name: 'status' },
    h('option', { value: '' }, 'All statuses'),
    filterStatuses.map((s) => h('option', { value: s, selected: s === state.status }, statusLabels[s])),
  )
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter facts' },
    h('div', { class: 'field grow' }, h('label', { for: 'fact-search' }, 'Search'), search, h('p', { id: 'fact-search-help', class: 'help' }, 'Words from the question, the subject or the fact id')),
    h('div', { class: 'field' }, h('label', { for: 'fact-status' }, 'Status'), status),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button' }, 'Search')),
  )
  const resultLine = h('p', { class: 'result-line', 'aria-live': 'polite' })
  const list = h('ul', { class: 'fact-list', 'aria-label': 'Facts' })
  const more = h('div', { class: 'more' })

  replaceChildren(
    main,
    h('h1', {}, 'Facts'),
    h('p', { class: 'lede' }, 'Each fact is a question with one reconciled answer, worked out from every cited claim. Open a fact to see the claims, their sources and why the answer is what it is.'),
    h('p', { class: 'editor-only' }, h('button', { type: 'button', class: 'button', onclick: () => defineFact() }, 'Define a fact')),
    form,
    resultLine,
    list,
    more,
  )

  let searchController = null
  async function load({ append = false, cursor } = {}) {
    searchController?.abort()
    searchController = new AbortController()
    const both = AbortSignal.any ? AbortSignal.any([signal, searchController.signal]) : searchController.signal
    if (!append) resultLine.textContent = 'Loading…'
    const result = await get(withQuery('/facts', { q: state.q, status: state.status, cursor, limit: 50 }), { signal: both })
    if (!result.ok) {
      resultLine.textContent = `Could not load facts. ${problemText(result.problem)}`
      return
    }
    const items = result.data.items
    if (!append) replaceChildren(list)
    for (const view of items) list.appendChild(factItem(view))
    const shown = list.children.length
    const filtered = state.q || state.status ? ' matching your filter' : ''
    resultLine.textContent = shown === 0 ? `No facts${filtered}.` : `${shown} fact${shown === 1 ? '' : 's'}${filtered}${result.data.next ? ' so far' : ''}.`
    replaceChildren(
      more,
      result.data.next
        ? h('button', { type: 'button', class: 'button secondary', onclick: () => load({ append: true, cursor: result.data.next }) }, 'Show more facts')
        : null,
    )
    if (append) announce(`${items.length} more facts shown`)
  }

  function apply() {
    // A debounced search must not fire after the reader has left the list (it would rewrite their address).
    if (signal.aborted) return
    state.q = search.value.trim()
    state.status = status.value
    // replaceState, not a hash change: the list updates in place and typing is not interrupted.
    history.replaceState(null, '', withQuery('#/', { q: state.q, status: state.status }))
    return load().catch(ignoreAbort)
  }

  let debounce = 0
  signal.addEventListener('abort', () => clearTimeout(debounce), { once: true })
  search.addEventListener('input', () => {
    clearTimeout(debounce)
    debounce = setTimeout(apply, 250)
  })
  status.addEventListener('change', apply)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(debounce)
    apply()
  })
  await load()
}

function factItem(view) {
  const href = `#/facts/${enc(view.factId)}`
  return h(
    'li',
    { class: 'fact-item', 'data-fact-id': view.factId },
    h(
      'article',
      { class: 'fact-card', 'aria-labelledby': `q-${cssSafeId(view.factId)}` },
      h('h2', { class: 'fact-question', id: `q-${cssSafeId(view.factId)}` }, h('a', { href }, view.question)),
      h(
        'p',
        { class: 'fact-figure' },
        h('span', { class: 'value', 'data-testid': 'fact-value' }, withUnit(view.display, view.unit)),
        ' ',
        statusBadge(view.status),
      ),
      h('p', { class: 'fact-meta' }, h('span', { class: 'origins' }, originsText(view.origins)), view.attributedTo.length ? ` · per ${view.attributedTo.join(', ')}` : ''),
      view.summary ? h('p', { class: 'fact-summary' }, view.summary) : null,
    ),
  )
}

function cssSafeId(id) {
  return String(id).replace(/[^A-Za-z0-9_-]/g, '_')
}

function ignoreAbort(error) {
  if (error?.name !== 'AbortError') throw error
}
