/**
 * Fixed-window counters, the one piece both limits use (requests per key,
 * failed authentications per client address). In memory for one process;
 * in PostgreSQL or Redis when several API processes must share them, so a
 * limit does not multiply with the number of processes.
 */
export interface WindowCounter {
  readonly kind: 'memory' | 'postgres' | 'redis'
  /** Count one more hit on `key`; the count so far in its window and how long until that window ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>
  close(): Promise<void>
}

/** Counters in this process: enough for one process (SQLite), and the fallback when a shared one fails. */
export function createMemoryCounter(maxKeys = 10_000): WindowCounter {
  const windows = new Map<string, { count: number; endsAt: number }>()
  return {
    kind: 'memory',
    async hit(key, windowMs) {
      const now = Date.now()
      let window = windows.get(key)
      if (!window || window.endsAt <= now) {
        // Bounded: a flood of distinct addresses evicts the oldest windows, never grows memory without end.
        if (!window && windows.size >= maxKeys) windows.delete(windows.keys().next().value!)
        window = { count: 0, endsAt: now + windowMs }
        windows.delete(key)
        windows.set(key, window)
      }
      window.count += 1
      return { count: window.count, resetInMs: window.endsAt - now }
    },
    async close() {
      windows.clear()
    },
  }
}
