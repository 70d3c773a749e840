import { percentile } from '../measure.js'

/** Latencies and failures of one kind of request, e.g. "GET /facts/:id". */
export interface RequestStats {
  latenciesMs: number[]
  /** Answers that were not the expected status, by status ("503"), or by error code for no answer ("ECONNRESET"). */
  errors: Record<string, number>
}

/** Every kind of request the soak makes, recorded as they finish. */
export function createSoakStats() {
  const kinds = new Map<string, RequestStats>()
  const of = (kind: string) => {
    let stats = kinds.get(kind)
    if (!stats) kinds.set(kind, (stats = { latenciesMs: [], errors: {} }))
    return stats
  }
  return {
    ok(kind: string, ms: number) {
      of(kind).latenciesMs.push(ms)
    },
    failed(kind: string, reason: string, ms?: number) {
      const stats = of(kind)
      stats.errors[reason] = (stats.errors[reason] ?? 0) + 1
      if (ms !== undefined) stats.latenciesMs.push(ms)
    },
    /** Time a request: `run` resolves to whether the answer was the expected one, or to a failure reason. */
    async time(kind: string, run: () => Promise<true | string>): Promise<void> {
      const started = performance.now()
      let outcome: true | string
      try {
        outcome = await run()
      } catch (err) {
        outcome = errorCode(err)
      }
      const ms = performance.now() - started
      if (outcome === true) this.ok(kind, ms)
      else this.failed(kind, outcome, ms)
    },
    summary(): SoakLine[] {
      return [...kinds].map(([kind, s]) => {
        const count = s.latenciesMs.length
        const at = (p: number) => (count ? round(percentile(s.latenciesMs, p)) : null)
        const errors = Object.values(s.errors).reduce((a, b) => a + b, 0)
        return { kind, count, p50Ms: at(50), p99Ms: at(99), maxMs: count ? round(Math.max(...s.latenciesMs)) : null, errors, errorsBy: s.errors }
      })
    },
  }
}

export type SoakStats = ReturnType<typeof createSoakStats>

export interface SoakLine {
  kind: string
  count: number
  p50Ms: number | null
  p99Ms: number | null
  maxMs: number | null
  errors: number
  errorsBy: Record<string, number>
}

const round = (ms: number) => Math.round(ms * 10) / 10

/** The most specific name of a failed request: the socket error's code where there is one. */
export function errorCode(err: unknown): string {
  const e = err as { code?: string; cause?: { code?: string }; name?: string }
  return e.cause?.code ?? e.code ?? e.name ?? 'error'
}

const pad = (s: string, n: number) => s.padEnd(n)
const num = (x: number | null) => (x === null ? '-' : String(x)).padStart(9)

export function formatSoakTable(lines: readonly SoakLine[]): string {
  const header = `${pad('request', 48)}${'count'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}  errors`
  const rows = lines.map((l) => {
    const why = Object.entries(l.errorsBy).map(([k, v]) => `${k}×${v}`).join(' ')
    return `${pad(l.kind, 48)}${num(l.count)}${num(l.p50Ms)}${num(l.p99Ms)}${num(l.maxMs)}  ${l.errors}${why ? ` (${why})` : ''}`
  })
  return [header, ...rows].join('\n')
}

export interface RssSample {
  atSeconds: number
  rssMiB: number
}

export function formatRssTable(samples: readonly RssSample[]): string {
  // At most about 25 rows: every k-th sample, and always the last.
  const k = Math.ceil(samples.length / 25)
  const shown = samples.filter((_, i) => i % k === 0 || i === samples.length - 1)
  const rows = shown.map((s) => `${String(s.atSeconds).padStart(6)} s  ${s.rssMiB.toFixed(1).padStart(7)} MiB  ${'#'.repeat(Math.round(s.rssMiB / 8))}`)
  return ['server RSS over time', ...rows].join('\n')
}
