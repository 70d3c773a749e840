/** Timing helpers shared by the scenarios. */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of nothing')
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of nothing')
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`)
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

/** Run `step` (which does `step()` units of work) until `ms` have passed; units per second. */
export async function throughputFor(ms: number, step: () => number | Promise<number>): Promise<number> {
  const started = performance.now()
  let done = 0
  let elapsed = 0
  while (elapsed < ms) {
    done += await step()
    elapsed = performance.now() - started
  }
  return done / (elapsed / 1000)
}

export interface Side {
  /** Throughput of one round (units per second). */
  round(): Promise<number>
}

/**
 * Measure the sides in alternating rounds (baseline, product, baseline,
 * product, ...) and keep each one's median. The machine is shared: a burst of
 * someone else's work then hurts one round of each side, not all of one.
 */
export async function alternate<K extends string>(rounds: number, sides: Record<K, Side>, onRound?: (i: number, which: NoInfer<K>, value: number) => void): Promise<Record<K, number>> {
  const names = Object.keys(sides) as K[]
  const seen = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>
  for (let i = 0; i < rounds; i++) {
    for (const which of names) {
      const value = await sides[which].round()
      seen[which].push(value)
      onRound?.(i, which, value)
    }
  }
  return Object.fromEntries(names.map((k) => [k, median(seen[k])])) as Record<K, number>
}

/**
 * For one-at-a-time operations: run one operation of each side in turn
 * (baseline, product, baseline, ...) for `ms`, timing each, and report each
 * side's operations per second of its own time. Interleaving op by op puts
 * both sides under the same conditions from moment to moment, which on a
 * shared machine is fairer than rounds.
 */
export async function interleaved<K extends string>(ms: number, sides: Record<K, () => unknown>): Promise<Record<K, number>> {
  const names = Object.keys(sides) as K[]
  const spent = Object.fromEntries(names.map((k) => [k, 0])) as Record<K, number>
  let ops = 0
  const deadline = performance.now() + ms
  while (performance.now() < deadline) {
    for (const which of names) {
      const started = performance.now()
      await sides[which]()
      spent[which] += performance.now() - started
    }
    ops += 1
  }
  return Object.fromEntries(names.map((k) => [k, ops / (spent[k] / 1000)])) as Record<K, number>
}

export const seconds = (from: number) => (performance.now() - from) / 1000
