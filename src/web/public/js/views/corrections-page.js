/**
 * Corrections (#/corrections): the public page a newsroom links from its
 * footer. Every correction of our record of a claim and every claim
 * withdrawn by its source, newest first, with the reason given.
 */
import { get, problemText, withQuery } from '../api.js'
import { h, replaceChildren } from '../dom.js'
import { auditEntry, factQuestions } from './audit-entry.js'

export async function renderCorrectionsPage({ main, signal }) {
  document.title = 'Corrections — factledger'
  const [questions, first] = await Promise.all([factQuestions(signal), get(withQuery('/corrections', { limit: 50 }), { signal })])
  if (signal.aborted) return
  const list = h('ol', { class: 'audit-list', 'aria-label': 'Corrections, newest first' })
  const more = h('div', { class: 'more' })
  const show = (r) => {
    for (const entry of r.data.items) list.appendChild(auditEntry(entry, questions))
    replaceChildren(more, r.data.next ? h('button', { type: 'button', class: 'button secondary', onclick: () => get(withQuery('/corrections', { limit: 50, cursor: r.data.next }), { signal }).then((n) => n.ok && show(n)) }, 'Show older corrections') : null)
  }
  replaceChildren(
    main,
    h('h1', {}, 'Corrections'),
    h('p', { class: 'lede' }, 'Where we recorded a claim wrongly and corrected it, or where a source withdrew what it said, it is listed here with the reason. The old version is never deleted: each claim’s page keeps its full history.'),
    first.ok ? null : h('p', { class: 'error' }, problemText(first.problem)),
    first.ok && first.data.items.length === 0 ? h('p', {}, 'No corrections or retractions yet.') : list,
    more,
  )
  if (first.ok) show(first)
}
