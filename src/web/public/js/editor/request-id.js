/**
 * Idempotency keys for writes. A key names one intended write: sending the
 * same request again (after a timeout, a dropped connection, a 5xx) reuses
 * its key, so the ledger records it once; changing the request (an edited
 * field, a refreshed If-Match) is a new intent and gets a new key.
 */
export function newUuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  // randomUUID needs a secure context; getRandomValues works on a plain-http intranet too.
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** `saved` is a previous state() (kept with a draft), so a retry after a reload still reuses the key. */
export function createRequestIdentity(saved) {
  let fingerprint = saved?.fingerprint ?? null
  let key = saved?.key ?? null
  return {
    /** The key for this request: the previous one if the request is unchanged. */
    keyFor(request) {
      const next = JSON.stringify([request.method, request.path, request.body ?? null, request.ifMatch ?? null])
      if (next !== fingerprint || !key) {
        fingerprint = next
        key = newUuid()
      }
      return key
    },
    state: () => ({ fingerprint, key }),
  }
}
