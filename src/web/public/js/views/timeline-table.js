/** The timeline's data as a table: for screen readers, and for anyone who prefers numbers. */
import { h, replaceChildren } from '../dom.js'
import { formatDate, intervalText, modalityLabel } from '../format.js'
import { roleOf } from './claim-card.js'
import { claimState } from './claim-state.js'

export function renderTable(container, claims, sourcesById, view, unit) {
  const sorted = [...claims].sort((a, b) => Date.parse(sourcesById.get(a.sourceId)?.publishedAt ?? '') - Date.parse(sourcesById.get(b.sourceId)?.publishedAt ?? ''))
  replaceChildren(
    container,
    h(
      'details',
      {},
      h('summary', {}, 'Chart data as a table'),
      h(
        'div',
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Chart data' },
        h(
          'table',
          {},
          h('caption', {}, `Claimed values (${unit}) by publication date; reconciled value: ${view.display}`),
          h('thead', {}, h('tr', {}, ['Published', 'Source', 'Figure as stated', 'Interval', 'Modality', 'Part in the value'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            sorted.map((c) => {
              const s = sourcesById.get(c.sourceId)
              return h(
                'tr',
                {},
                h('td', {}, s ? formatDate(s.publishedAt) : ''),
                h('td', {}, s?.publisher ?? c.sourceId),
                h('td', {}, c.value.text),
                h('td', {}, intervalText(c.value)),
                h('td', {}, modalityLabel(c.modality)),
                h('td', {}, roleOf(view, c.claimId).text, claimState(c) ? ` (${claimState(c).word})` : ''),
              )
            }),
          ),
        ),
      ),
    ),
  )
}
