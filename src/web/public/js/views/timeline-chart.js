/**
 * The timeline: every claim's interval (lower to upper bound) as a vertical
 * line at its publication date, with the reconciled value drawn across as a
 * band. Open ends run to the chart's edge and end in an arrow; an exclusive
 * bound is a hollow dot, an inclusive one a filled dot. Drawn with Chart.js
 * (served from node_modules); the same data is in a table for screen readers
 * and for anyone who prefers numbers.
 */
import { h, replaceChildren } from '../dom.js'
import { formatDate, formatMonth, formatNumber, intervalText, modalityLabel } from '../format.js'
import { roleOf } from './claim-card.js'

const day = 86_400_000
export const roleStyles = {
  supporting: { color: '#1d4e89', dash: [], label: 'Supports the value' },
  superseded: { color: '#5f6368', dash: [6, 4], label: 'Superseded' },
  conflicting: { color: '#b3261e', dash: [], label: 'In conflict' },
  excluded: { color: '#80868b', dash: [2, 3], label: 'Left out (retracted, not yet published, …)' },
  absent: { color: '#80868b', dash: [2, 3], label: 'Not part of the view' },
}
const reconciledColor = '#1e7b34'
const thenColor = '#a15c00'

/** Y range from every finite bound, padded, so open ends have an edge to run to. */
function yRange(quantities, whole) {
  const finite = quantities.flatMap((q) => (q ? [q.lower, q.upper, ...q.stated] : [])).filter((n) => typeof n === 'number' && Number.isFinite(n))
  if (!finite.length) return { min: 0, max: 1 }
  const lo = Math.min(...finite)
  const hi = Math.max(...finite)
  const span = hi - lo || Math.max(Math.abs(hi) * 0.2, 1)
  const pad = span * 0.3
  const min = lo >= 0 ? Math.max(0, lo - pad) : lo - pad
  const max = hi + pad
  // Counts are whole numbers: whole-number edges keep the ticks whole too.
  return whole ? { min: Math.floor(min), max: Math.ceil(max) } : { min, max }
}

function endPoint(bound, inclusive, edge, up, color) {
  if (bound === null) return { y: edge, style: 'triangle', rotation: up ? 0 : 180, fill: color, radius: 7 }
  return { y: bound, style: 'circle', rotation: 0, fill: inclusive ? color : '#ffffff', radius: 5 }
}

/** Chart points for the claims; claims published the same day are nudged apart so none hides another. */
function claimSeries(claims, sourcesById, view, range, xSpread) {
  const sameDay = new Map()
  return claims
    .filter((c) => sourcesById.get(c.sourceId))
    .map((claim) => {
      const published = Date.parse(sourcesById.get(claim.sourceId).publishedAt)
      const slot = sameDay.get(published) ?? 0
      sameDay.set(published, slot + 1)
      return { claim, x: published + slot * xSpread, role: roleOf(view, claim.claimId) }
    })
    .map(({ claim, x, role }) => {
      const style = roleStyles[role.key]
      const q = claim.value
      const lower = endPoint(q.lower, q.lowerInclusive, range.min, false, style.color)
      const upper = endPoint(q.upper, q.upperInclusive, range.max, true, style.color)
      const exact = q.lower !== null && q.lower === q.upper
      const points = exact ? [upper] : [lower, upper]
      return {
        label: claim.value.text,
        claim,
        data: points.map((p) => ({ x, y: p.y })),
        borderColor: style.color,
        borderDash: style.dash,
        borderWidth: 3,
        pointStyle: points.map((p) => p.style),
        pointRotation: points.map((p) => p.rotation),
        pointRadius: points.map((p) => (exact ? 6 : p.radius)),
        pointHoverRadius: points.map((p) => p.radius + 2),
        pointBackgroundColor: points.map((p) => p.fill),
        pointBorderColor: style.color,
        pointBorderWidth: 2,
        showLine: true,
        fill: false,
      }
    })
}

/** A band (or a line, for an exact value) across the whole x range. */
function bandSeries(q, range, x0, x1, color, label, dash = []) {
  if (!q) return []
  const lo = q.lower ?? range.min
  const hi = q.upper ?? range.max
  const line = (y, extra) => ({ label, data: [{ x: x0, y }, { x: x1, y }], borderColor: color, borderWidth: 2, borderDash: dash, pointRadius: 0, pointHoverRadius: 0, showLine: true, band: true, ...extra })
  if (lo === hi) return [line(lo, { fill: false })]
  return [line(lo, { fill: false }), line(hi, { fill: '-1', backgroundColor: `${color}26` })]
}

/** Writes each claim's figure beside its line, so the chart reads without hovering. */
const claimLabels = {
  id: 'claimLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart
    ctx.save()
    ctx.font = '12px system-ui, sans-serif'
    ctx.fillStyle = '#1f1f1f'
    ctx.textBaseline = 'middle'
    chart.data.datasets.forEach((ds, i) => {
      if (!ds.claim || !chart.isDatasetVisible(i)) return
      const points = chart.getDatasetMeta(i).data
      const top = points[points.length - 1]
      if (top) ctx.fillText(ds.claim.value.text, top.x + 9, top.y)
    })
    ctx.restore()
  },
}

/**
 * Render into `container`. Returns { update(thenView, knownAt) } to overlay
 * the fact as known on a chosen date or ledger position.
 */
export function renderTimeline(container, { claims, sourcesById, view, unit, kind }) {
  if (!claims.some((c) => sourcesById.get(c.sourceId))) {
    replaceChildren(container, h('p', { class: 'chart-empty' }, 'No claims yet: nothing to draw. Record a claim and it appears here.'))
    return { update: () => {}, destroy: () => {} }
  }
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Timeline of claimed values; the same data is in the table below.' })
  const legend = h('ul', { class: 'chart-legend', 'aria-hidden': 'true' })
  const table = h('div', { class: 'chart-table' })
  replaceChildren(container, h('div', { class: 'chart-box' }, canvas), legend, table)
  let chart = null

  const times = claims.map((c) => Date.parse(sourcesById.get(c.sourceId)?.publishedAt ?? '')).filter((t) => !Number.isNaN(t))

  function draw(thenView, knownAt) {
    const knownTime = knownAt ? Date.parse(knownAt) : NaN
    const allTimes = Number.isNaN(knownTime) ? times : [...times, knownTime]
    const first = Math.min(...allTimes)
    const last = Math.max(...allTimes)
    const xPad = Math.max((last - first) * 0.08, 5 * day)
    const x0 = first - xPad
    const x1 = last + xPad
    const range = yRange([...claims.map((c) => c.value), view.value, thenView?.value], kind === 'count')
    const datasets = [
      ...claimSeries(claims, sourcesById, view, range, (x1 - x0) / 50),
      ...(Number.isNaN(knownTime)
        ? []
        : [{ label: 'Known on', data: [{ x: knownTime, y: range.min }, { x: knownTime, y: range.max }], borderColor: thenColor, borderDash: [4, 4], borderWidth: 1, pointRadius: 0, showLine: true, band: true }]),
      ...(thenView ? bandSeries(thenView.value, range, x0, x1, thenColor, `Value as known then: ${thenView.display}`, [8, 4]) : []),
      ...bandSeries(view.value, range, x0, x1, reconciledColor, `Reconciled value: ${view.display}`),
    ]
    renderLegend(legend, datasets, thenView)
    renderTable(table, claims, sourcesById, view, unit)
    if (!window.Chart) {
      replaceChildren(container.querySelector('.chart-box'), h('p', { class: 'error' }, 'The chart library did not load; the table below has the same data.'))
      return
    }
    const options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: true,
      interaction: { mode: 'nearest', intersect: true },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => !item.dataset.band || item.dataIndex === 0,
          callbacks: {
            title: (items) => (items[0]?.dataset.claim ? formatDate(sourcesById.get(items[0].dataset.claim.sourceId)?.publishedAt) : ''),
            label: (item) => tooltipLine(item.dataset, sourcesById, view),
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: x0,
          max: x1,
          title: { display: true, text: 'Publication date' },
          // Ticks on the first of a month, not at round numbers of milliseconds.
          afterBuildTicks: (scale) => (scale.ticks = monthTicks(x0, x1).map((value) => ({ value }))),
          ticks: { callback: (v) => (x1 - x0 < 62 * day ? formatDate(new Date(v).toISOString()) : formatMonth(v)) },
        },
        y: { type: 'linear', min: range.min, max: range.max, title: { display: true, text: unit }, ticks: { precision: kind === 'count' ? 0 : undefined, callback: (v) => (kind === 'date' ? formatDate(new Date(v * day).toISOString()) : kind === 'percent' ? `${formatNumber(v)}%` : formatNumber(v)) } },
      },
    }
    chart?.destroy()
    chart = new window.Chart(canvas, { type: 'line', data: { datasets }, options, plugins: [claimLabels] })
  }

  draw(null, null)
  return { update: draw, destroy: () => chart?.destroy() }
}

/** First-of-month timestamps within [from, to], thinned to at most 6. */
export function monthTicks(from, to) {
  const ticks = []
  const d = new Date(from)
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
  while (t <= to) {
    ticks.push(t)
    const n = new Date(t)
    t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1)
  }
  if (ticks.length < 2) {
    // A short span: four ticks on whole days instead.
    return [1, 2, 3, 4].map((i) => Math.round((from + ((to - from) * i) / 5) / day) * day)
  }
  const step = Math.ceil(ticks.length / 6)
  return ticks.filter((_, i) => i % step === 0)
}

function tooltipLine(dataset, sourcesById, view) {
  if (!dataset.claim) return dataset.label
  const c = dataset.claim
  const source = sourcesById.get(c.sourceId)
  return `${c.value.text} — ${source?.publisher ?? ''}, ${modalityLabel(c.modality)}; ${roleOf(view, c.claimId).text}`
}

function renderLegend(legend, datasets, thenView) {
  const roles = new Set(datasets.filter((d) => d.claim).map((d) => d.borderColor + d.borderDash.join()))
  const entries = Object.values(roleStyles).filter((s, i, all) => roles.has(s.color + s.dash.join()) && all.findIndex((o) => o.color === s.color && o.dash.join() === s.dash.join()) === i)
  replaceChildren(
    legend,
    entries.map((s) => h('li', {}, swatch(s.color, s.dash.length ? 'dashed' : 'solid'), s.label)),
    h('li', {}, swatch(reconciledColor, 'band'), 'Reconciled value (now)'),
    thenView ? h('li', {}, swatch(thenColor, 'band dashed'), 'Value as known then') : null,
    h('li', {}, h('span', { class: 'legend-symbol' }, '▲'), 'open end (no bound)'),
    h('li', {}, h('span', { class: 'legend-symbol' }, '○'), 'bound not included'),
  )
}

function swatch(color, kind) {
  const el = h('span', { class: `swatch ${kind}` })
  el.style.borderColor = color
  return el
}

function renderTable(container, claims, sourcesById, view, unit) {
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
                h('td', {}, roleOf(view, c.claimId).text),
              )
            }),
          ),
        ),
      ),
    ),
  )
}
