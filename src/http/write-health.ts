import { isStorageFull } from '../store/storage-full.js'
import { StoreUnavailableError } from '../store/port.js'

/** How long after a failed write /ready stays not-ready and writes are told to come back (Retry-After). */
export const WRITE_RETRY_AFTER_S = 30

export interface WriteFailure {
  kind: 'storage-full' | 'store-unavailable'
  error: string
  since: string
  lastAt: number
}

/**
 * Whether writes can be stored now, learned from the writes themselves: a
 * write that fails because the disk is full (or the store is down) marks the
 * server not-ready for WRITE_RETRY_AFTER_S, so a load balancer sends writers
 * elsewhere; after that /ready answers ready again and the next write finds
 * out whether space is back. The first write that succeeds clears it.
 */
export function createWriteHealth(now: () => number = Date.now) {
  let failure: WriteFailure | null = null
  return {
    /** Classify a thrown write error: a known storage fault (recorded) or null (a bug: a 500). */
    failed(err: unknown): WriteFailure | null {
      const kind = isStorageFull(err) ? 'storage-full' : err instanceof StoreUnavailableError ? 'store-unavailable' : null
      if (!kind) return null
      const at = now()
      failure = { kind, error: err instanceof Error ? err.message : String(err), since: failure?.kind === kind ? failure.since : new Date(at).toISOString(), lastAt: at }
      return failure
    },
    succeeded(): void {
      failure = null
    },
    /** The failure /ready reports, while it is recent. */
    current(): WriteFailure | null {
      return failure && now() - failure.lastAt < WRITE_RETRY_AFTER_S * 1000 ? failure : null
    },
  }
}

export type WriteHealth = ReturnType<typeof createWriteHealth>
