/**
 * Drafts an editor rejected, remembered in this browser (localStorage) per
 * source, so extracting the same text again does not put them back in front
 * of the desk as new. A draft is named by its figure and quote, which stay
 * the same whether it was read from the saved copy or from pasted text.
 */
const prefix = 'factledger.rejected.'

export const draftKey = (draft) => `${draft.figure}\u0000${draft.quote}`

function load(sourceId) {
  try {
    const raw = localStorage.getItem(prefix + sourceId)
    const list = raw ? JSON.parse(raw) : []
    return Array.isArray(list) ? list : []
  } catch {
    return []
  }
}

function store(sourceId, list) {
  try {
    localStorage.setItem(prefix + sourceId, JSON.stringify(list))
  } catch {
    /* storage disabled: the rejection lasts for this page only */
  }
}

export function rejectedDrafts(sourceId) {
  return new Set(load(sourceId))
}

export function rememberRejection(sourceId, draft) {
  const list = load(sourceId)
  if (!list.includes(draftKey(draft))) store(sourceId, [...list, draftKey(draft)])
}

export function forgetRejection(sourceId, draft) {
  store(sourceId, load(sourceId).filter((k) => k !== draftKey(draft)))
}
