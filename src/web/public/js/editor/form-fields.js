/**
 * The fields of an editor form: each with a label, optional help, and a slot
 * for the API's validation message, tied together with aria-describedby so a
 * screen reader reads the error with the field.
 */
import { h, uid } from '../dom.js'

/**
 * field: { name, label, path, type: 'text'|'textarea'|'select'|'date'|'lines', options?: [value, label][],
 *          help?, required?, suggestions?: [value, label][] }
 * 'lines' is a textarea whose lines become an array (the via chain).
 */
export function renderField(field, value) {
  const id = uid(`f-${field.name}`)
  const helpId = field.help ? `${id}-help` : null
  const errorId = `${id}-error`
  const describedBy = [helpId, errorId].filter(Boolean).join(' ')
  const common = { id, name: field.name, 'aria-describedby': describedBy, 'aria-required': field.required ? 'true' : null, 'data-path': field.path }
  let input
  if (field.type === 'textarea' || field.type === 'lines') {
    input = h('textarea', { ...common, rows: field.type === 'lines' ? 3 : 4 })
  } else if (field.type === 'select') {
    input = h('select', common, (field.options ?? []).map(([v, label]) => h('option', { value: v }, label)))
  } else {
    const listId = field.suggestions ? `${id}-list` : null
    input = h('input', { ...common, type: field.type === 'date' ? 'date' : 'text', autocomplete: 'off', list: listId })
  }
  setFieldValue(input, field, value)
  const datalist = field.suggestions
    ? h('datalist', { id: `${id}-list` }, field.suggestions.map(([v, label]) => h('option', { value: v }, label)))
    : null
  const wrapper = h(
    'div',
    { class: 'field', 'data-field': field.name },
    h('label', { for: id }, field.label, field.required ? h('span', { class: 'required' }, ' (required)') : null),
    input,
    datalist,
    field.help ? h('p', { class: 'help', id: helpId }, field.help) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  )
  return { field, wrapper, input }
}

export function setFieldValue(input, field, value) {
  input.value = field.type === 'lines' ? (value ?? []).join('\n') : (value ?? '')
}

export function fieldValue(rendered) {
  const raw = rendered.input.value
  if (rendered.field.type === 'lines') return raw.split('\n').map((l) => l.trim()).filter(Boolean)
  return rendered.field.type === 'textarea' ? raw : raw.trim()
}

export function sameValue(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

export function showFieldError(rendered, message) {
  const error = rendered.wrapper.querySelector('.field-error')
  error.textContent = message
  error.hidden = false
  rendered.wrapper.classList.add('invalid')
  rendered.input.setAttribute('aria-invalid', 'true')
}

export function clearFieldError(rendered) {
  const error = rendered.wrapper.querySelector('.field-error')
  error.textContent = ''
  error.hidden = true
  rendered.wrapper.classList.remove('invalid')
  rendered.input.removeAttribute('aria-invalid')
}

/**
 * The API's error path as dotted segments: accepts ["changes","value"],
 * "changes.value", "/changes/value" or "body.changes.value".
 */
export function normalizePath(path) {
  const parts = Array.isArray(path) ? path.map(String) : String(path ?? '').split(/[./]/)
  const clean = parts.filter((p) => p !== '')
  if (clean[0] === 'body') clean.shift()
  return clean.join('.')
}

/** The field an error belongs to: the one whose path is the longest prefix of the error's path. */
export function fieldForPath(renderedFields, path) {
  const target = normalizePath(path)
  let best = null
  for (const r of renderedFields) {
    const p = r.field.path
    if (!p) continue
    if ((target === p || target.startsWith(`${p}.`)) && (!best || p.length > best.field.path.length)) best = r
  }
  return best
}
