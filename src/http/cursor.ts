/**
 * Page cursors are opaque to clients: the read model's "after" key wrapped in
 * versioned base64url JSON, so its format can change without breaking anyone
 * who treats it as a token.
 */
export function encodeCursor(after: string | null): string | null {
  return after === null ? null : Buffer.from(JSON.stringify({ v: 1, after }), 'utf8').toString('base64url')
}

/** The "after" key, or null when the cursor was not issued by this API. */
export function decodeCursor(cursor: string): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (typeof parsed === 'object' && parsed !== null && 'v' in parsed && parsed.v === 1 && 'after' in parsed && typeof parsed.after === 'string') {
      return parsed.after
    }
  } catch {
    // not base64url JSON: fall through
  }
  return null
}
