/**
 * "The record at another time": a date picker for publication time
 * (knownAt: only sources published by then) and a slider over ledger
 * positions (asOf: what this ledger said after that many events). The fact as
 * it was then is shown beside the fact now, each difference highlighted.
 */
import { enc, get, problemText, withQuery } from '../api.js'
import { h, replaceChildren, uid } from '../dom.js'
import { formatDate, formatDateTime, statusLabel, withUnit } from '../format.js'
import { claimLabel } from './claim-card.js'

/**
 * onChange(thenView | null, { knownAt, asOf }) is called when the chosen time
 * changes; null means "now" (or a time at which the fact did not exist).
 */
export function createTimeTravel({ factId, view, head, claimsById, sourcesById, initial, signal, onChange }) {
  const ids = { known: uid('known-at'), asOf: uid('as-of'), heading: uid('tt') }
  const knownAt = h('input', { id: ids.known, type: 'date', value: initial.knownAt ?? '', max: new Date().toISOString().slice(0, 10), 'aria-describedby': `${ids.known}-help` })
  const asOf = h('input', { id: ids.asOf, type: 'range', min: 0, max: head, step: 1, value: initial.asOf ?? head, 'aria-describedby': `${ids.asOf}-out` })
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
        h('label', { for: ids.asOf }, 'Ledger position (as recorded)'),
        asOf,
        asOfOut,
      ),
      h('div', { class: 'field' }, reset),
    ),
    result,
  )

  const chosen = () => ({ knownAt: knownAt.value || null, asOf: Number(asOf.value) < head ? asOf.value : null })
  let controller = null
  let debounce = 0

  async function describePosition(position) {
    if (position >= head) return `Position ${position} of ${head}: now.`
    if (position === 0) return `Position 0 of ${head}: before the first event.`
    const r = await get(withQuery('/events', { from: position - 1, limit: 1 }), { signal })
    const e = r.ok ? r.data.items[0] : null
    return e ? `Position ${position} of ${head}: ${e.type} on ${e.stream}, recorded ${formatDateTime(e.metadata.recordedAt)}.` : `Position ${position} of ${head}.`
  }

  async function refresh() {
    // Nothing may rewrite the address once the reader has left this page, or this version of it.
    if (signal.aborted || !section.isConnected) return
    const clocks = chosen()
    history.replaceState(null, '', withQuery(`#/facts/${enc(factId)}`, clocks))
    controller?.abort()
    controller = new AbortController()
    const mine = controller
    const positionText = describePosition(Number(asOf.value)).catch(() => '')
    if (!clocks.knownAt && !clocks.asOf) {
      asOfOut.textContent = await positionText
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
    asOfOut.textContent = await positionText
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
    asOf.value = String(head)
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
  const list = (ids) => (ids.length ? ids.map(label).join('; ') : 'none')
  const rows = [
    ['Value', withUnit(then.display, then.unit), withUnit(now.display, now.unit)],
    ['Status', statusLabel(then.status), statusLabel(now.status)],
    ['Independent origins', String(then.origins), String(now.origins)],
    ['Attributed to', then.attributedTo.join(', ') || 'nobody', now.attributedTo.join(', ') || 'nobody'],
    ['Supporting', list(then.supporting), list(now.supporting)],
    ['Superseded', list(then.superseded), list(now.superseded)],
    ['Left out', list(then.excluded.map((e) => e.claimId)), list(now.excluded.map((e) => e.claimId))],
  ]
  const changed = rows.filter(([, a, b]) => a !== b).length
  return h(
    'div',
    { class: 'then-view' },
    h('p', { class: 'then-headline' }, `The record ${when} said: `, h('strong', { class: 'then-value', 'data-testid': 'then-value' }, withUnit(then.display, then.unit)), ` — ${statusLabel(then.status)}.`),
    then.summary ? h('p', { class: 'then-summary' }, then.summary) : null,
    h('p', {}, changed ? `${changed} ${changed === 1 ? 'thing differs' : 'things differ'} from now (highlighted).` : 'Nothing differs from now.'),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Then and now' },
      h(
        'table',
        { class: 'diff' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, 'Then'), h('th', { scope: 'col' }, 'Now'))),
        h(
          'tbody',
          {},
          rows.map(([name, a, b]) =>
            h(
              'tr',
              { class: a === b ? null : 'changed' },
              h('th', { scope: 'row' }, name),
              h('td', {}, a === b ? a : h('mark', {}, a, h('span', { class: 'visually-hidden' }, ' (differs)'))),
              h('td', {}, b),
            ),
          ),
        ),
      ),
    ),
  )
}
