/**
 * RFC 8785 canonical JSON (sorted keys, no whitespace, ECMAScript numbers):
 * the bytes that hashes and equality checks are computed over.
 *
 * Stored ledgers carry hashes computed with the `canonicalize` package
 * (2.1.0), so this is that function's exact behaviour, edge cases included
 * (toJSON, array holes, undefined and symbol values, the errors it throws);
 * test/store/canonical-json.test.ts compares the two on arbitrary values.
 * It is written out here because the package builds its result through
 * `reduce` and template strings and quotes every key with JSON.stringify,
 * which made it the largest single cost of an append (issue #6).
 */
export function canonicalize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value)
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed')
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed')
      return JSON.stringify(value)
    case 'object':
      break
    default:
      // booleans, undefined, functions, symbols (undefined), bigint (throws) — as JSON.stringify does
      return JSON.stringify(value)
  }
  if (value === null) return 'null'
  const object = value as { toJSON?: unknown; [key: string]: unknown }
  if (object.toJSON instanceof Function) return canonicalize((object.toJSON as () => unknown).call(object))
  if (Array.isArray(value)) return canonicalArray(value)
  const keys = sortedKeys(object)
  let out = '{'
  for (const key of keys) {
    const item = object[key]
    if (item === undefined || typeof item === 'symbol') continue
    // A value JSON cannot hold (a function) comes out as the text "undefined", as in the package.
    out += `${out.length === 1 ? '' : ','}${quote(key)}:${canonicalize(item)}`
  }
  return `${out}}`
}

function canonicalArray(array: unknown[]): string {
  let out = '['
  for (let i = 0; i < array.length; i++) {
    // The package walks with reduce, which skips holes but still counts them for the comma.
    if (!(i in array)) continue
    const item = array[i]
    out += `${i === 0 ? '' : ','}${canonicalize(item === undefined || typeof item === 'symbol' ? null : item)}`
  }
  return `${out}]`
}

/**
 * The object's keys in default Array#sort order for strings: UTF-16 code
 * units, as RFC 8785 asks (`<` on strings compares the same way). Event
 * payloads have a handful of keys per object, and Array#sort allocates a
 * work copy each time (a fifth of what an import allocated), so small key
 * lists are insertion-sorted in place.
 */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object)
  if (keys.length > 24) return keys.sort(byCodeUnits)
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!
    let j = i - 1
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!
    keys[j + 1] = key
  }
  return keys
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// Characters JSON.stringify would escape; most keys and values have none.
// eslint-disable-next-line no-control-regex -- the control characters JSON escapes are the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`
}
