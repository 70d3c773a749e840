/**
 * Page cursors for read-model lists: the last key of the page, base64url so
 * callers treat it as opaque. A cursor that does not decode is a bad request
 * from the caller, reported as a RangeError naming it.
 */
export function encodeCursor(lastKey: string): string {
  return Buffer.from(lastKey, 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | undefined): string {
  if (cursor === undefined) return ''
  const key = Buffer.from(cursor, 'base64url').toString('utf8')
  if (key.length === 0 || encodeCursor(key) !== cursor) throw new RangeError(`invalid page cursor "${cursor}"`)
  return key
}

/** Page sizes callers may ask for. */
export const MAX_PAGE_SIZE = 1000

export function assertLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError(`page limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${limit}`)
  }
}

/** Rows fetched with LIMIT limit + 1: the extra row only says whether a next page exists. */
export function toPage<Row, T>(rows: Row[], limit: number, item: (row: Row) => T, key: (item: T) => string) {
  const items = rows.slice(0, limit).map(item)
  return { items, next: rows.length > limit ? encodeCursor(key(items.at(-1)!)) : null }
}
