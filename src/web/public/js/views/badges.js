/** Small labelled markers used on several pages. Text always says what the colour says. */
import { h } from '../dom.js'
import { modalityLabel, statusLabel } from '../format.js'

export function statusBadge(status) {
  return h('span', { class: `badge status-${cssToken(status)}` }, statusLabel(status))
}

export function modalityBadge(modality) {
  return h('span', { class: `badge modality-${cssToken(modality)}` }, modalityLabel(modality))
}

export function lifecycleBadge(kind, title) {
  return h('span', { class: `badge lifecycle lifecycle-${cssToken(kind)}`, title }, kind)
}

/** Server strings go into class names only through this: letters, digits and dashes. */
export function cssToken(value) {
  return String(value).toLowerCase().replace(/[^a-z0-9-]/g, '-')
}
