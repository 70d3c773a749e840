/**
 * "The record at another time": a date picker for publication time
 * (knownAt: only sources published by then) and a slider over this fact's
 * own versions, one per event of the fact and its claims, each said in words
 * (asOf: what this ledger said at that event's position). The fact as it was
 * then is shown beside the fact now, each difference highlighted.
 */
import { enc, get, problemText, withQuery } from '../api.js'
import { h, replaceChildren, uid } from '../dom.js'
import { formatDate, statusLabel, withUnit } from '../format.js'
import { claimLabel } from './claim-card.js'
import { versionAt } from './fact-versions.js'
import { diffTable, viewRows } from './version-diff.js'

/**
 * onChange(thenView | null, { knownAt, asOf }) is called when the chosen time
 * changes; null means "now" (or a time at which the fact did not exist).
 */
export function createTimeTravel({ factId, view, versions, claimsById, sourcesById, initial, signal, onChange }) {
  const last = versions.length - 1
  const ids = { known: uid('known-at'), asOf: uid('as-of'), heading: uid('tt') }
  const knownAt = h('input', { id: ids.known, type: 'date', value: initial.knownAt ?? '', max: new Date().toISOString().slice(0, 10), 'aria-describedby': `${ids.known}-help` })
  const asOf = h('input', { id: ids.asOf, type: 'range', min: 0, max: last, step: 1, value: versionAt(versions, initial.asOf).n, 'aria-describedby': `${ids.asOf}-out` })
  const asOfOut = h('output', { id: `${ids.asOf}-out`, for: ids.asOf, class: 'help' })
  const reset = h('button', { type: 'button', class: 'button secondary' }, 'Back to now')
  const result = h('div', { class: 'then-result', 'aria-live': 'polite' })

  const section = h(
    'section',
    { class: 'panel time-travel', 'aria-labelledby': ids.heading },
    h('h2', { id: ids.heading }, 'The record at another time'),
    h('div', { class: 'tt-controls' },
      h('div', { class: 'field' },
        h('label', { for: ids.known }, 'Known on (publication date)'),
        knownAt,
        h('p', { class: 'help', id: `${ids.known}-help` }, 'Only claims from sources published by this date.'),
      ),
      h('div', { class: 'field grow' },
        h('label', { for: ids.asOf }, 'Version (this fact’s events, as recorded)'),
        asOf,
        asOfOut,
        h('p', { class: 'help' }, h('a', { href: `#/facts/${enc(factId)}/versions` }, 'All versions, and any two compared side by side')),
      ),
      h('div', { class: 'field' }, reset),
    ),
    result,
  )

  const version = () => versions[Number(asOf.value)] ?? versions[last]
  const chosen = () => ({ knownAt: knownAt.value || null, asOf: version().asOf })
  let controller = null
  let debounce = 0

  function describeVersion() {
    const v = version()
    // aria-valuetext: a screen reader says the version in words, not "3".
    const text = v.n === last ? `Version ${v.n} of ${last} (now): ${v.label}.` : `Version ${v.n} of ${last}: ${v.label}.`
    asOf.setAttribute('aria-valuetext', text)
    return text
  }

  async function refresh() {
    // Nothing may rewrite the address once the reader has left this page, or this version of it.
    if (signal.aborted || !section.isConnected) return
    const clocks = chosen()
    history.replaceState(null, '', withQuery(`#/facts/${enc(factId)}`, clocks))
    controller?.abort()
    controller = new AbortController()
    const mine = controller
    const positionText = describeVersion()
    if (!clocks.knownAt && !clocks.asOf) {
      asOfOut.textContent = positionText
      replaceChildren(result, h('p', {}, 'Showing the record as it is now. Pick a date or move the slider to see it as it was.'))
      onChange(null, clocks)
      return
    }
    replaceChildren(result, h('p', {}, 'Loading…'))
    const r = await get(withQuery(`/facts/${enc(factId)}`, clocks), { signal: AbortSignal.any ? AbortSignal.any([signal, mine.signal]) : mine.signal }).catch((e) => {
      if (e?.name === 'AbortError') return null
      throw e
    })
    if (!r || mine.signal.aborted) return
    asOfOut.textContent = positionText
    const when = describeWhen(clocks)
    if (!r.ok) {
      const text = r.status === 404 ? `The ledger did not have this fact yet ${when}.` : `Could not load the fact ${when}. ${problemText(r.problem)}`
      replaceChildren(result, h('p', { class: 'then-missing' }, text))
      onChange(null, clocks)
      return
    }
    replaceChildren(result, comparison(r.data, view, when, claimsById, sourcesById))
    onChange(r.data, clocks)
  }

  signal.addEventListener('abort', () => clearTimeout(debounce), { once: true })
  const schedule = () => {
    clearTimeout(debounce)
    debounce = setTimeout(() => refresh().catch(console.error), 150)
  }
  knownAt.addEventListener('change', schedule)
  asOf.addEventListener('input', schedule)
  reset.addEventListener('click', () => {
    knownAt.value = ''
    asOf.value = String(last)
    schedule()
  })
  // After the caller has put the section on the page.
  queueMicrotask(() => refresh().catch(console.error))
  return section
}

function describeWhen({ knownAt, asOf }) {
  const parts = []
  if (knownAt) parts.push(`as known on ${formatDate(knownAt)}`)
  if (asOf) parts.push(`as recorded at ledger position ${asOf}`)
  return parts.join(', ')
}

function comparison(then, now, when, claimsById, sourcesById) {
  const label = (id) => {
    const c = claimsById.get(id)
    return c ? claimLabel(c, sourcesById.get(c.sourceId)) : id
  }
  const { table, changed } = diffTable([{ heading: 'Then', rows: viewRows(then, label) }, { heading: 'Now', rows: viewRows(now, label) }], { caption: 'Then and now' })
  return h(
    'div',
    { class: 'then-view' },
    h('p', { class: 'then-headline' }, `The record ${when} said: `, h('strong', { class: 'then-value', 'data-testid': 'then-value' }, withUnit(then.display, then.unit)), ` — ${statusLabel(then.status)}.`),
    then.summary ? h('p', { class: 'then-summary' }, then.summary) : null,
    h('p', {}, changed ? `${changed} ${changed === 1 ? 'thing differs' : 'things differ'} from now (highlighted).` : 'Nothing differs from now.'),
    table,
  )
}
