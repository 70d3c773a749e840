import canonicalizeModule from 'canonicalize'

/**
 * RFC 8785 canonical JSON (sorted keys, no whitespace, ECMAScript numbers):
 * the bytes that hashes and equality checks are computed over. The package is
 * CommonJS (module.exports = fn) while its typings declare an ES default
 * export; under NodeNext the default import is the function itself.
 */
export const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined
