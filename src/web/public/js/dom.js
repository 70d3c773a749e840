/**
 * Building DOM without innerHTML: every string from the server becomes a
 * text node or an attribute value, so nothing it says can run as markup.
 */

/**
 * h('a', { href: '#/', class: 'x', onclick: fn }, 'text', child, [more])
 * Attribute values are set with setAttribute; `on*` keys add listeners;
 * null/undefined/false attributes and children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value)
    else if (key === 'href') el.setAttribute('href', safeHref(value))
    else if (key === 'value' && 'value' in el) el.value = String(value)
    else if (value === true) el.setAttribute(key, '')
    else el.setAttribute(key, String(value))
  }
  append(el, children)
  return el
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(el, child)
    else if (child instanceof Node) el.appendChild(child)
    else el.appendChild(document.createTextNode(String(child)))
  }
}

/** Only in-page hash links, same-origin paths and http(s) URLs; anything else (javascript:, data:) becomes inert. */
export function safeHref(value) {
  const s = String(value)
  if (s.startsWith('#') || (s.startsWith('/') && !s.startsWith('//'))) return s
  try {
    const url = new URL(s)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
  } catch {
    /* not a URL */
  }
  return '#'
}

/** Replace an element's children. */
export function replaceChildren(el, ...children) {
  el.replaceChildren()
  append(el, children)
}

/** Announce a short message to screen readers (and keep it visible nowhere). */
export function announce(message) {
  const el = document.getElementById('announcer')
  if (!el) return
  el.textContent = ''
  // A fresh text node after clearing makes screen readers speak repeated messages too.
  requestAnimationFrame(() => (el.textContent = message))
}

let idCounter = 0
/** A unique id for label/for and aria-describedby pairs. */
export function uid(prefix) {
  idCounter += 1
  return `${prefix}-${idCounter}`
}
