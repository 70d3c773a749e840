/**
 * The HTTP API as the page uses it. Every call resolves to
 * { ok: true, status, data, etag } or { ok: false, status, problem }, where
 * problem is the server's problem+json (or one made up for a network failure),
 * so views never deal with exceptions for expected outcomes.
 */
import { apiKey } from './editor/key.js'

export async function request(path, options = {}) {
  const method = options.method ?? 'GET'
  // Reads go without the key first: the server refuses a bad key even on public reads, and a
  // mistyped editor key must not stop anyone reading. Only if the server wants a key for
  // reads (FACTLEDGER_PUBLIC_READS=false) is the read sent again with it.
  const withKey = method !== 'GET' || options.withKey === true
  const result = await send(path, options, method, withKey)
  if (!withKey && result.status === 401 && apiKey()) return send(path, options, method, true)
  return result
}

async function send(path, { body, idempotencyKey, ifMatch, signal }, method, withKey) {
  const headers = { accept: 'application/json, application/problem+json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const key = apiKey()
  if (key && withKey) headers.authorization = `Bearer ${key}`
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey
  if (ifMatch) headers['if-match'] = ifMatch
  let response
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal })
  } catch (error) {
    if (error?.name === 'AbortError') throw error
    return { ok: false, status: 0, problem: { title: 'The server could not be reached', detail: 'Check your connection and try again. Nothing was lost.', code: 'network' } }
  }
  const text = await response.text()
  let data = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (response.ok) return { ok: true, status: response.status, data, etag: response.headers.get('etag') }
  const problem = data && typeof data === 'object' ? data : { title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 300) }
  return { ok: false, status: response.status, problem }
}

export const get = (path, options) => request(path, options)

/** Build a path with only the query parameters that have a value. */
export function withQuery(path, params) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `${path}?${s}` : path
}

/**
 * Every item of a paged list (GET path?limit=&cursor=), following `next`
 * until the end, for the pickers that must offer everything (every source,
 * every fact). Stops at `most` items; a failed page ends the list there.
 */
export async function getAll(path, params = {}, { signal, most = 5000 } = {}) {
  const items = []
  let cursor = null
  do {
    const r = await get(withQuery(path, { ...params, limit: 200, cursor }), { signal })
    if (!r.ok) break
    items.push(...r.data.items)
    cursor = r.data.next
  } while (cursor && items.length < most)
  return items
}

export const enc = encodeURIComponent

/** One line for a failed call, for people. */
export function problemText(problem) {
  const title = problem?.title ?? 'Something went wrong'
  return problem?.detail ? `${title}: ${problem.detail}` : title
}
