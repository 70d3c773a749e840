/**
 * The editor's API key. Kept in sessionStorage (this tab only, gone when it
 * closes), never in localStorage, and sent as a Bearer token with writes
 * (with reads only where the server requires a key). The page shows editor
 * controls by a class on <body>, so entering or forgetting a key
 * never re-renders the page and never loses a half-filled form.
 */
const storageKey = 'factledger.apiKey'

export function apiKey() {
  try {
    return sessionStorage.getItem(storageKey) ?? ''
  } catch {
    return ''
  }
}

export function setKey(value) {
  try {
    if (value) sessionStorage.setItem(storageKey, value)
    else sessionStorage.removeItem(storageKey)
  } catch {
    /* storage disabled: the key lasts until the page reloads */
  }
  reflectKey()
}

function reflectKey() {
  const has = apiKey() !== ''
  document.body.classList.toggle('has-key', has)
  const state = document.getElementById('key-state')
  if (state) state.textContent = has ? 'Editing enabled' : 'Reading'
}

export function setUpKeyForm() {
  const toggle = document.getElementById('key-toggle')
  const form = document.getElementById('key-form')
  const input = document.getElementById('api-key')
  const forget = document.getElementById('key-forget')
  reflectKey()
  toggle.addEventListener('click', () => {
    const open = form.hidden
    form.hidden = !open
    toggle.setAttribute('aria-expanded', String(open))
    if (open) input.focus()
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    setKey(input.value.trim())
    input.value = ''
    form.hidden = true
    toggle.setAttribute('aria-expanded', 'false')
    toggle.focus()
  })
  forget.addEventListener('click', () => {
    setKey('')
    input.value = ''
    form.hidden = true
    toggle.setAttribute('aria-expanded', 'false')
    toggle.focus()
  })
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return
    form.hidden = true
    toggle.setAttribute('aria-expanded', 'false')
    toggle.focus()
  })
}

/** Open the key form (when a write answered 401). */
export function askForKey() {
  const form = document.getElementById('key-form')
  const toggle = document.getElementById('key-toggle')
  form.hidden = false
  toggle.setAttribute('aria-expanded', 'true')
  document.getElementById('api-key').focus()
}
