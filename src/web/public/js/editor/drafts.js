/**
 * What an editor typed into a form, kept until the write succeeds: in
 * sessionStorage (survives a reload of this tab) with an in-memory copy for
 * browsers where storage is disabled.
 */
const memory = new Map()
const prefix = 'factledger.draft.'

export function loadDraft(key) {
  try {
    const raw = sessionStorage.getItem(prefix + key)
    if (raw) return JSON.parse(raw)
  } catch {
    /* fall back to memory */
  }
  return memory.get(key) ?? null
}

export function saveDraft(key, draft) {
  memory.set(key, draft)
  try {
    sessionStorage.setItem(prefix + key, JSON.stringify(draft))
  } catch {
    /* memory copy is enough for this page's life */
  }
}

export function removeDraft(key) {
  memory.delete(key)
  try {
    sessionStorage.removeItem(prefix + key)
  } catch {
    /* nothing stored */
  }
}
