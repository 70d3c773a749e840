/**
 * The sources in the ledger (#/sources), newest registrations as the API
 * lists them, each with a way into the draft review for editors.
 */
import { enc, get, problemText, withQuery } from '../api.js'
import { h, replaceChildren } from '../dom.js'
import { formatDate } from '../format.js'
import { lifecycleBadge } from './badges.js'
import { registerSource } from '../editor/new-entries.js'

export async function renderSourcesPage({ main, params, signal }) {
  document.title = 'Sources — factledger'
  const r = await get(withQuery('/sources', { limit: 100, cursor: params.get('cursor') }), { signal })
  if (!r.ok) {
    replaceChildren(main, h('h1', {}, 'Sources'), h('p', { class: 'error' }, problemText(r.problem)))
    return
  }
  const { items, next } = r.data
  replaceChildren(
    main,
    h('h1', {}, 'Sources'),
    h('p', { class: 'lede' }, 'The articles and statements the claims cite. Editors can run the extractor on a source and review the draft claims it proposes.'),
    h('p', { class: 'editor-only' }, h('button', { type: 'button', class: 'button', onclick: () => registerSource() }, 'Register a source')),
    items.length === 0 ? h('p', {}, 'No sources registered yet.') : h('ul', { class: 'fact-list source-list' }, items.map(sourceItem)),
    next ? h('p', { class: 'more' }, h('a', { href: withQuery('#/sources', { cursor: next }) }, 'More sources')) : null,
  )
}

function sourceItem(source) {
  return h(
    'li',
    { class: 'fact-card', 'data-source-id': source.sourceId },
    h('h2', { class: 'fact-question' }, h('a', { href: `#/sources/${enc(source.sourceId)}` }, source.title)),
    h('p', { class: 'fact-meta' }, h('span', { class: 'publisher' }, source.publisher), ', published ', h('time', { datetime: source.publishedAt }, formatDate(source.publishedAt)), ` · tier ${source.tier}`, source.snapshotSha256 ? ' · saved copy kept' : ' · no saved copy: quotes unchecked'),
    source.retracted ? h('p', { class: 'badges' }, lifecycleBadge('source retracted', source.retracted.reason)) : null,
    h('p', { class: 'editor-only' }, h('a', { href: `#/sources/${enc(source.sourceId)}/review` }, 'Review draft claims', h('span', { class: 'visually-hidden' }, ` from ${source.title}`))),
  )
}
