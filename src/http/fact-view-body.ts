import { ResponseSerializationError } from 'fastify-type-provider-zod'
import { FactView } from '../../projections/model.js'
import { htmlSafe } from './json-serializer.js'

/** What fastify sends JSON replies as. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/**
 * Response bodies for GET /facts/:id made from the view's stored JSON text
 * (ReadModelStore.getFactViewText) instead of parsing it and serializing it
 * again, which was ~10% of the request's CPU.
 *
 * The same bytes: the read model stores JSON.stringify(view), and the reply
 * serializer sends htmlSafe(JSON.stringify(view)). For any text that
 * JSON.stringify wrote, JSON.stringify(JSON.parse(text)) is that text again
 * (same key order, number and string forms), so htmlSafe(text) is the body
 * the parsed view would have had.
 *
 * Validated: each distinct stored text is checked against the FactView
 * schema once, and a view that fails is a 500 (a ResponseSerializationError,
 * as the route's zod serializer would throw). Note that the app-wide reply
 * serializer (setReplySerializer in app.ts) takes precedence over route
 * serializers in fastify, so other 2xx replies are not checked against their
 * response schema at all; this path is checked. The body is remembered per
 * fact while its stored text is unchanged, so a hit costs one string
 * comparison.
 */
export function createFactViewBodies(options: { maxChars?: number } = {}) {
  const maxChars = options.maxChars ?? 8 * 1024 * 1024
  const remembered = new Map<string, { text: string; body: string }>()
  let chars = 0

  function remember(factId: string, text: string, body: string): void {
    const size = text.length + body.length
    if (size > maxChars / 4) return
    const previous = remembered.get(factId)
    if (previous) {
      remembered.delete(factId)
      chars -= previous.text.length + previous.body.length
    }
    // Oldest first out: a hit does not reorder, so it stays a lookup and a comparison.
    for (const [id, entry] of remembered) {
      if (chars + size <= maxChars) break
      remembered.delete(id)
      chars -= entry.text.length + entry.body.length
    }
    remembered.set(factId, { text, body })
    chars += size
  }

  return function bodyOf(factId: string, text: string): string {
    const known = remembered.get(factId)
    if (known !== undefined && known.text === text) return known.body
    const checked = FactView.safeParse(JSON.parse(text))
    if (!checked.success) throw new ResponseSerializationError('GET', '/facts/:id', { cause: checked.error })
    const body = htmlSafe(text)
    remember(factId, text, body)
    return body
  }
}

export type FactViewBodies = ReturnType<typeof createFactViewBodies>
