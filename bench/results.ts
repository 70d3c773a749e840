import { cpus, totalmem } from 'node:os'

/**
 * One measured line of the benchmark. For throughputs (unit ending in "/s")
 * ratio = value / baseline: the share of the bare limit the product reaches.
 * For latencies and memory (units "ms", "µs", "MB") ratio = baseline / value,
 * so a higher ratio is always better and "ratio >= x" reads the same way.
 */
export interface ScenarioResult {
  name: string
  value: number
  unit: string
  baseline: number | null
  ratio: number | null
  /** What was compared, in a phrase: "store.append, 1 event/commit vs raw INSERT per FULL transaction". */
  note?: string
  target?: Target
  /** Target met; absent when the scenario has no target. */
  met?: boolean
}

/** A goal on the ratio (minRatio) and/or on the value itself (maxValue, e.g. p99 under 5 ms). */
export interface Target {
  minRatio?: number
  maxValue?: number
  /** How a person reads it: ">= 0.8", "< 5 ms". */
  text: string
}

export interface Machine {
  cpus: number
  cpuModel: string
  node: string
  platform: string
  memoryMb: number
}

export interface BenchReport {
  machine: Machine
  mode: 'quick' | 'full'
  events: number
  startedAt: string
  durationSeconds: number
  scenarios: ScenarioResult[]
  /** Scenarios that could not run here, and why. */
  skipped: Array<{ name: string; reason: string }>
}

export function describeMachine(): Machine {
  const list = cpus()
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    memoryMb: Math.round(totalmem() / 2 ** 20),
  }
}

/** Units where less is better (latency, memory): their ratio is baseline / value. */
const lowerIsBetter = (unit: string) => unit === 'ms' || unit === 'µs' || unit === 'MB'

/** A result line with its ratio and whether it met its target. */
export function scenario(line: { name: string; value: number; unit: string; baseline: number | null; note?: string; target?: Target }): ScenarioResult {
  const { baseline, value } = line
  let ratio: number | null = null
  if (baseline !== null && baseline > 0 && value > 0) ratio = lowerIsBetter(line.unit) ? baseline / value : value / baseline
  const result: ScenarioResult = { ...line, ratio }
  if (line.target) result.met = meets(line.target, value, ratio)
  return result
}

function meets(target: Target, value: number, ratio: number | null): boolean {
  if (target.minRatio !== undefined && (ratio === null || ratio < target.minRatio)) return false
  if (target.maxValue !== undefined && !(value < target.maxValue)) return false
  return true
}
