import type { Clocks } from '../read/clocks.js'
import { UsageError } from './usage-error.js'

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/

/** --as-of is a ledger position or a timestamp; --known-at and --valid-at are dates. */
export function parseClocks(values: { 'as-of'?: string; 'known-at'?: string; 'valid-at'?: string }): Clocks {
  const clocks: Clocks = {}
  const asOf = values['as-of']
  if (asOf !== undefined) {
    if (/^\d+$/.test(asOf)) clocks.asOf = BigInt(asOf)
    else if (isoDate.test(asOf) && !Number.isNaN(Date.parse(asOf))) clocks.asOf = asOf
    else throw new UsageError(`--as-of must be a ledger position (e.g. 42) or a timestamp (e.g. 2024-11-28T00:00:00Z), got "${asOf}"`)
  }
  for (const [flag, key] of [['known-at', 'knownAt'], ['valid-at', 'validAt']] as const) {
    const v = values[flag]
    if (v === undefined) continue
    if (!isoDate.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--${flag} must be a date like 2024-09-05, got "${v}"`)
    clocks[key] = v
  }
  return clocks
}
