import { ResponseSerializationError } from 'fastify-type-provider-zod'
import { FactView } from '../../projections/model.js'
import { htmlSafe } from './json-serializer.js'

/** What fastify sends JSON replies as. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** What GET /facts/:id answers for a fact's current view: the body and the stream revision its ETag names. */
export interface CurrentFactResponse {
  readonly body: string
  readonly streamHead: bigint | null
}

interface Remembered extends CurrentFactResponse {
  /** The change stamp read before the text was; null when there was none. */
  stamp: string | null
  text: string
  bytes: number
}

/**
 * Response bodies for GET /facts/:id, made from the view's stored JSON text
 * (ReadModelStore.getFactViewText) instead of parsing it and serializing it
 * again, and remembered per fact, least recently used out first.
 *
 * The same bytes: the read model stores JSON.stringify(view), and the reply
 * serializer sends htmlSafe(JSON.stringify(view)). For any text that
 * JSON.stringify wrote, JSON.stringify(JSON.parse(text)) is that text again
 * (same key order, number and string forms), so htmlSafe(text) is the body
 * the parsed view would have had. Headers are not remembered: the route sets
 * them as it does for a fresh read, from the remembered stream head.
 *
 * Validated: each distinct stored text is checked against the FactView
 * schema once, and a view that fails is a 500 (a ResponseSerializationError,
 * as the route's zod serializer would throw).
 *
 * Never stale: with `readStamp` (Backend.readChangeStamp), a remembered
 * response is answered without reading the database only while the stamp is
 * what it was before that response's text was read, so a commit by anyone,
 * in this process or another, sends the next request to the database. That
 * read's text, when unchanged, still reuses the checked body. Without a
 * stamp every request reads the database.
 *
 * Bounded: `maxBytes` counts two bytes per character of text and body (V8's
 * wider string form), 0 remembers nothing; a response larger than a quarter
 * of it is answered but not remembered.
 */
export function createFactViewCache(options: { maxBytes: number; readStamp?: (() => string | null) | undefined }) {
  const { maxBytes, readStamp } = options
  const remembered = new Map<string, Remembered>()
  let bytes = 0

  function forget(factId: string, entry: Remembered): void {
    remembered.delete(factId)
    bytes -= entry.bytes
  }

  function remember(factId: string, entry: Remembered): void {
    const previous = remembered.get(factId)
    if (previous) forget(factId, previous)
    if (entry.bytes > maxBytes / 4) return
    for (const [id, oldest] of remembered) {
      if (bytes + entry.bytes <= maxBytes) break
      forget(id, oldest)
    }
    remembered.set(factId, entry)
    bytes += entry.bytes
  }

  return {
    /** Read before the database is: the stamp to pass to `fresh` and then to `answer`. */
    stamp(): string | null {
      return readStamp ? readStamp() : null
    },

    /** The remembered response when nothing was committed since its text was read, else undefined. */
    fresh(factId: string, stamp: string | null): CurrentFactResponse | undefined {
      if (stamp === null) return undefined
      const known = remembered.get(factId)
      if (known === undefined || known.stamp !== stamp) return undefined
      // Most recently used last: the eviction loop starts from the least.
      remembered.delete(factId)
      remembered.set(factId, known)
      return known
    },

    /** The response for a view text and stream head read after `stamp` was; checked once per distinct text, then remembered. */
    answer(factId: string, text: string, streamHead: bigint | null, stamp: string | null): CurrentFactResponse {
      const known = remembered.get(factId)
      const body = known !== undefined && known.text === text ? known.body : checkedBody(text)
      const entry: Remembered = { body, streamHead, stamp, text, bytes: 2 * (text.length + (body === text ? 0 : body.length)) }
      if (maxBytes > 0) remember(factId, entry)
      return entry
    },

    /** Bytes remembered now (as counted against maxBytes). */
    get bytes(): number {
      return bytes
    },
  }
}

export type FactViewCache = ReturnType<typeof createFactViewCache>

function checkedBody(text: string): string {
  const checked = FactView.safeParse(JSON.parse(text))
  if (!checked.success) throw new ResponseSerializationError('GET', '/facts/:id', { cause: checked.error })
  return htmlSafe(text)
}
