/**
 * A seeded pseudo-random source (mulberry32), so every run generates the same
 * ledger and two runs on two machines measure the same work.
 */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    /** A float in [0, 1). */
    next,
    /** An integer in [0, n). */
    int: (n: number): number => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number): boolean => next() < p,
    /**
     * A UUIDv7-shaped id from a millisecond timestamp and random bits: valid for
     * the schemas, time-ordered like the ledger's own ids, and reproducible.
     */
    uuid7(ms: number): string {
      const time = hex(ms, 12)
      const r = () => Math.floor(next() * 0x10000)
      return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(r() & 0xfff, 3)}-${hex(0x8000 | (r() & 0x3fff), 4)}-${hex(r(), 4)}${hex(r(), 4)}${hex(r(), 4)}`
    },
  }
}

export type Random = ReturnType<typeof createRandom>

function hex(n: number, width: number): string {
  return Math.floor(n).toString(16).padStart(width, '0')
}
