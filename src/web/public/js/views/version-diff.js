/**
 * Two versions of a fact side by side, row by row, each difference marked
 * (in words too, for screen readers). Used by time travel (then and now) and
 * by the versions page (any two versions).
 */
import { h } from '../dom.js'
import { statusLabel, withUnit } from '../format.js'

/** The rows compared: [name, text] for one fact view; label(claimId) names a claim. */
export function viewRows(view, label) {
  if (!view) return null
  const list = (ids) => (ids.length ? ids.map(label).join('; ') : 'none')
  return [
    ['Value', withUnit(view.display, view.unit)],
    ['Status', statusLabel(view.status)],
    ['Independent origins', String(view.origins)],
    ['Attributed to', view.attributedTo.join(', ') || 'nobody'],
    ['Supporting', list(view.supporting)],
    ['Superseded', list(view.superseded)],
    ['Left out', list(view.excluded.map((e) => e.claimId))],
  ]
}

/**
 * columns: [{ heading (text or node), rows (from viewRows, or null when the fact did not exist) }, …] (two).
 * `markIn` is the column whose differing cells are marked. Returns { table, changed }.
 */
export function diffTable(columns, { markIn = 0, caption = null } = {}) {
  const names = (columns.find((c) => c.rows)?.rows ?? []).map(([name]) => name)
  const cell = (column, i) => (column.rows ? column.rows[i][1] : 'did not exist yet')
  let changed = 0
  const body = names.map((name, i) => {
    const texts = columns.map((c) => cell(c, i))
    const differs = texts.some((t) => t !== texts[0])
    if (differs) changed += 1
    return h(
      'tr',
      { class: differs ? 'changed' : null },
      h('th', { scope: 'row' }, name),
      texts.map((text, c) => h('td', {}, differs && c === markIn ? h('mark', {}, text, h('span', { class: 'visually-hidden' }, ' (differs)')) : text)),
    )
  })
  const table = h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption ?? 'Two versions compared' },
    h(
      'table',
      { class: 'diff' },
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', {}, h('tr', {}, h('td', {}), columns.map((c) => h('th', { scope: 'col' }, c.heading)))),
      h('tbody', {}, body),
    ),
  )
  return { table, changed }
}
