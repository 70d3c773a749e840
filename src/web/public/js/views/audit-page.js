/**
 * The audit trail (#/audit): who corrected, retracted, disputed, resolved,
 * moved and pinned what, and why, newest first. Filters by person, fact,
 * kind and date live in the address, so a filtered view can be sent on.
 */
import { get, problemText, withQuery } from '../api.js'
import { announce, h, replaceChildren } from '../dom.js'
import { auditEntry, auditKindLabels, factQuestions } from './audit-entry.js'

const filterNames = ['actor', 'factId', 'kind', 'from', 'to']

export async function renderAuditPage({ main, params, signal }) {
  document.title = 'Audit trail — factledger'
  const questions = await factQuestions(signal)
  if (signal.aborted) return
  const state = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? '']))
  const field = (name, label, input, help) => h('div', { class: 'field' }, h('label', { for: `audit-${name}` }, label), input, help ? h('p', { class: 'help', id: `audit-${name}-help` }, help) : null)
  const actor = h('input', { id: 'audit-actor', name: 'actor', type: 'text', value: state.actor, autocomplete: 'off', list: 'audit-actors', 'aria-describedby': 'audit-actor-help' })
  const actors = h('datalist', { id: 'audit-actors' })
  const fact = h('select', { id: 'audit-factId', name: 'factId' }, h('option', { value: '' }, 'Any fact'), [...questions].sort((a, b) => a[1].localeCompare(b[1])).map(([id, q]) => h('option', { value: id, selected: id === state.factId }, q)))
  const kind = h('select', { id: 'audit-kind', name: 'kind' }, h('option', { value: '' }, 'Any kind'), Object.entries(auditKindLabels).map(([k, label]) => h('option', { value: k, selected: k === state.kind }, label)))
  const from = h('input', { id: 'audit-from', name: 'from', type: 'date', value: state.from })
  const to = h('input', { id: 'audit-to', name: 'to', type: 'date', value: state.to })
  const form = h(
    'form',
    { class: 'filters audit-filters', role: 'search', 'aria-label': 'Filter the audit trail' },
    field('actor', 'Person', actor, 'The name on the editor’s key'),
    actors,
    field('factId', 'Fact', fact),
    field('kind', 'Kind', kind),
    field('from', 'From', from),
    field('to', 'To', to),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button' }, 'Filter')),
  )
  const resultLine = h('p', { class: 'result-line', 'aria-live': 'polite' })
  const list = h('ol', { class: 'audit-list', 'aria-label': 'Editorial acts, newest first' })
  const more = h('div', { class: 'more' })
  replaceChildren(
    main,
    h('h1', {}, 'Audit trail'),
    h('p', { class: 'lede' }, 'Every correction, retraction, dispute, move and pin, with who made it and why, newest first. Nothing here can be changed: each line is an event in the ledger.'),
    form,
    resultLine,
    list,
    more,
  )

  async function load(cursor) {
    const query = Object.fromEntries(filterNames.map((n) => [n, state[n]]))
    const r = await get(withQuery('/audit', { ...query, limit: 50, cursor }), { signal })
    if (!r.ok) {
      resultLine.textContent = `Could not load the audit trail. ${problemText(r.problem)}`
      return
    }
    if (!cursor) replaceChildren(list)
    for (const entry of r.data.items) list.appendChild(auditEntry(entry, questions))
    const names = new Set([...actors.children].map((o) => o.value))
    for (const entry of r.data.items) {
      if (names.has(entry.actor)) continue
      names.add(entry.actor)
      actors.appendChild(h('option', { value: entry.actor }))
    }
    const n = list.children.length
    const filtered = filterNames.some((k) => state[k]) ? ' matching your filter' : ''
    resultLine.textContent = n === 0 ? `No editorial acts${filtered}${r.data.next ? ' in the most recent part of the ledger' : ''}.` : `${n} act${n === 1 ? '' : 's'}${filtered}${r.data.next ? ' so far' : ''}.`
    replaceChildren(more, r.data.next ? h('button', { type: 'button', class: 'button secondary', onclick: () => load(r.data.next).then(() => announce('More acts shown')) }, 'Show older acts') : null)
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    Object.assign(state, { actor: actor.value.trim(), factId: fact.value, kind: kind.value, from: from.value, to: to.value })
    history.replaceState(null, '', withQuery('#/audit', state))
    load().catch(ignoreAbort)
  })
  await load()
}

function ignoreAbort(error) {
  if (error?.name !== 'AbortError') throw error
}
