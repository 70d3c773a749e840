/** Plain-language formatting of dates, statuses, modalities and figures. */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
})
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** ms since epoch of an ISO date or timestamp, or NaN. */
export function toTime(iso) {
  return Date.parse(iso)
}

export function formatDate(iso) {
  const t = toTime(iso)
  return Number.isNaN(t) ? String(iso ?? '') : dateFormat.format(t)
}

export function formatDateTime(iso) {
  const t = toTime(iso)
  return Number.isNaN(t) ? String(iso ?? '') : dateTimeFormat.format(t)
}

export function formatMonth(ms) {
  return monthFormat.format(ms)
}

export function formatNumber(n) {
  return numberFormat.format(n)
}

/** yyyy-mm-dd of an ISO date or timestamp (UTC), for <input type="date">. */
export function isoDay(iso) {
  const t = toTime(iso)
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10)
}

export const statusLabels = {
  confirmed: 'Confirmed',
  'single-source': 'Single source',
  conflicting: 'Conflicting',
  pinned: 'Pinned by an editor',
  'no-claims': 'No claims yet',
}

export function statusLabel(status) {
  return statusLabels[status] ?? String(status)
}

export const modalityLabels = {
  official: 'Official',
  reported: 'Reported',
  planned: 'Planned',
  estimate: 'Estimate',
  allegation: 'Allegation',
}

export function modalityLabel(modality) {
  return modalityLabels[modality] ?? String(modality)
}

export function originsText(n) {
  return n === 1 ? '1 independent origin' : `${n} independent origins`
}

/** "21 persons" style figure with the unit, unless the unit is already in the phrase. */
export function withUnit(display, unit) {
  if (!unit || unit === 'USD' || String(display).toLowerCase().includes(String(unit).toLowerCase())) return String(display)
  return `${display} ${unit}`
}

/** The interval of a Quantity in words, e.g. "from 20 (exclusive) upward". */
export function intervalText(q) {
  if (!q) return 'no value'
  const lo = q.lower === null ? null : formatNumber(q.lower)
  const hi = q.upper === null ? null : formatNumber(q.upper)
  if (lo !== null && hi !== null && q.lower === q.upper) return `exactly ${lo}`
  const left = lo === null ? 'no lower bound' : `${q.lowerInclusive ? 'at least' : 'more than'} ${lo}`
  const right = hi === null ? 'no upper bound' : `${q.upperInclusive ? 'at most' : 'less than'} ${hi}`
  return `${left}, ${right}`
}
