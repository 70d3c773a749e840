/**
 * The timeline: every claim's interval (lower to upper bound) as a vertical
 * line at its publication date, with the reconciled value drawn across as a
 * band. Open ends run to the chart's edge and end in an arrow; an exclusive
 * bound is a hollow dot, an inclusive one a filled dot. Drawn with Chart.js
 * (served from node_modules); the same data is in a table for screen readers
 * and for anyone who prefers numbers.
 */
import { h, replaceChildren, uid } from '../dom.js'
import { formatDate, formatMonth, formatNumber, modalityLabel } from '../format.js'
import { roleOf } from './claim-card.js'
import { claimState, claimStates } from './claim-state.js'
import { attachChartKeyboard } from './timeline-focus.js'
import { claimLabelsPlugin } from './timeline-labels.js'
import { renderTable } from './timeline-table.js'

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
      // A corrected, disputed or retracted claim is told apart by the shape of its bound marks (and a word on its label).
      const state = claimState(claim)
      if (state) for (const p of points) if (p.style === 'circle') p.style = state.point
      return {
        label: claim.value.text,
        chartLabel: state ? `${claim.value.text} · ${state.word}` : claim.value.text,
        claim,
        data: points.map((p) => ({ x, y: p.y })),
        borderColor: style.color,
        borderDash: state?.dash ?? style.dash,
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
  const focusLine = h('p', { class: 'chart-focus help', id: uid('chart-focus'), 'aria-live': 'polite' }, 'Focus the chart and use the arrow keys to go from claim to claim.')
  const box = h('div', { class: 'chart-box', tabindex: '0', role: 'group', 'aria-label': 'Timeline chart: the arrow keys go from claim to claim', 'aria-describedby': focusLine.id }, canvas)
  replaceChildren(container, box, focusLine, legend, table)
  let chart = null
  attachChartKeyboard(box, focusLine, () => chart, (claim) => pointText(claim, sourcesById, view))

  const times = claims.map((c) => Date.parse(sourcesById.get(c.sourceId)?.publishedAt ?? '')).filter((t) => !Number.isNaN(t))

  function draw(thenView, knownAt) {
    const knownTime = knownAt ? Date.parse(knownAt) : NaN
    const allTimes = Number.isNaN(knownTime) ? times : [...times, knownTime]
    const first = Math.min(...allTimes)
    const last = Math.max(...allTimes)
    const xPad = Math.max((last - first) * 0.08, 5 * day)
    // Claims published the same day are nudged right by a fiftieth of the axis each; the axis makes room for the last of them.
    const perDay = new Map()
    for (const t of times) perDay.set(t, (perDay.get(t) ?? 0) + 1)
    const sameDay = Math.max(0, ...perDay.values()) - 1
    const spread = (last - first + 2 * xPad) / 50
    const x0 = first - xPad
    const x1 = last + xPad + sameDay * spread
    const range = yRange([...claims.map((c) => c.value), view.value, thenView?.value], kind === 'count')
    const datasets = [
      ...claimSeries(claims, sourcesById, view, range, spread),
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
          afterBuildTicks: (scale) => (scale.ticks = monthTicks(x0, x1, Math.max(2, Math.floor(scale.width / 130))).map((value) => ({ value }))),
          // Horizontal labels, thinned by Chart.js until none touches another, at any width.
          ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12, callback: (v) => (x1 - x0 < 62 * day ? formatDate(new Date(v).toISOString()) : formatMonth(v)) },
        },
        y: { type: 'linear', min: range.min, max: range.max, title: { display: true, text: unit }, ticks: { autoSkip: true, autoSkipPadding: 6, precision: kind === 'count' ? 0 : undefined, callback: (v) => (kind === 'date' ? formatDate(new Date(v * day).toISOString()) : kind === 'percent' ? `${formatNumber(v)}%` : formatNumber(v)) } },
      },
    }
    chart?.destroy()
    chart = new window.Chart(canvas, { type: 'line', data: { datasets }, options, plugins: [claimLabelsPlugin] })
  }

  draw(null, null)
  return { update: draw, destroy: () => chart?.destroy() }
}

/** First-of-month timestamps within [from, to], thinned to at most `most` (6 by default; fewer on a narrow chart). */
export function monthTicks(from, to, most = 6) {
  const ticks = []
  const d = new Date(from)
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
  while (t <= to) {
    ticks.push(t)
    const n = new Date(t)
    t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1)
  }
  const limit = Math.min(6, most)
  if (ticks.length < 2) {
    // A short span: ticks on whole days instead, as many as fit.
    const count = Math.min(4, limit)
    return Array.from({ length: count }, (_, i) => Math.round((from + ((to - from) * (i + 0.5)) / count) / day) * day)
  }
  const step = Math.ceil(ticks.length / limit)
  return ticks.filter((_, i) => i % step === 0)
}

function tooltipLine(dataset, sourcesById, view) {
  if (!dataset.claim) return dataset.label
  const c = dataset.claim
  const source = sourcesById.get(c.sourceId)
  const state = claimState(c)
  return `${c.value.text} — ${source?.publisher ?? ''}, ${modalityLabel(c.modality)}; ${roleOf(view, c.claimId).text}${state ? `; ${state.word}` : ''}`
}

/** A claim in words for the keyboard walk: figure, source, date, state. */
function pointText(claim, sourcesById, view) {
  const source = sourcesById.get(claim.sourceId)
  const state = claimState(claim)
  return `${claim.value.text} — ${source?.publisher ?? 'unknown source'}, published ${formatDate(source?.publishedAt)}; ${modalityLabel(claim.modality)}; ${roleOf(view, claim.claimId).text}${state ? `; ${state.word}` : ''}.`
}

function renderLegend(legend, datasets, thenView) {
  const roles = new Set(datasets.filter((d) => d.claim).map((d) => d.borderColor + d.borderDash.join()))
  const entries = Object.values(roleStyles).filter((s, i, all) => roles.has(s.color + s.dash.join()) && all.findIndex((o) => o.color === s.color && o.dash.join() === s.dash.join()) === i)
  replaceChildren(
    legend,
    entries.map((s) => h('li', {}, swatch(s.color, s.dash.length ? 'dashed' : 'solid'), s.label)),
    h('li', {}, swatch(reconciledColor, 'band'), 'Reconciled value (now)'),
    thenView ? h('li', {}, swatch(thenColor, 'band dashed'), 'Value as known then') : null,
    Object.values(claimStates).filter((st) => datasets.some((d) => d.claim && claimState(d.claim) === st)).map((st) => h('li', {}, h('span', { class: 'legend-symbol' }, st.symbol), st.legend)),
    h('li', {}, h('span', { class: 'legend-symbol' }, '▲'), 'open end (no bound)'),
    h('li', {}, h('span', { class: 'legend-symbol' }, '○'), 'bound not included'),
  )
}

function swatch(color, kind) {
  const el = h('span', { class: `swatch ${kind}` })
  el.style.borderColor = color
  return el
}
