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
 * Measure product and baseline in alternating rounds (baseline, product,
 * baseline, product, ...) and keep each one's median. The machine is shared:
 * a burst of someone else's work then hurts one round of each, not all of one side.
 */
export async function alternate(rounds: number, sides: { baseline: Side; product: Side }, onRound?: (i: number, which: 'baseline' | 'product', value: number) => void): Promise<{ baseline: number; product: number; rounds: { baseline: number[]; product: number[] } }> {
  const seen = { baseline: [] as number[], product: [] as number[] }
  for (let i = 0; i < rounds; i++) {
    for (const which of ['baseline', 'product'] as const) {
      const value = await sides[which].round()
      seen[which].push(value)
      onRound?.(i, which, value)
    }
  }
  return { baseline: median(seen.baseline), product: median(seen.product), rounds: seen }
}

export const seconds = (from: number) => (performance.now() - from) / 1000
