import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { createBenchContext, type BenchContext } from './context.js'
import { createBenchProgress } from './progress.js'
import { type BenchReport, describeMachine, type ScenarioResult } from './results.js'
import { scenarios } from './scenarios/index.js'
import { formatMachine, formatReportMarkdown, formatResultsTable } from './table.js'

export interface BenchOptions {
  quick: boolean
  /** Events in the generated ledger; default 100,000 quick, 1,000,000 full. */
  events?: number
  /** Run only these scenario groups (names from bench/scenarios/index.ts). */
  only?: string[]
  /** Where to write the JSON report; null: do not write one. */
  out: string | null
  /** Keep the scratch directory (databases, NDJSON) for a look afterwards. */
  keep?: boolean
  /** Print the table as GitHub markdown (for README.md) instead of plain text. */
  markdown?: boolean
}

export interface BenchIo {
  stdout: Writable
  stderr: Writable
  /** Is stderr a terminal (progress rewritten in place)? */
  interactive: boolean
}

/** bench/results.json beside this file: the committed report of the last real run. */
export const defaultResultsPath = fileURLToPath(new URL('./results.json', import.meta.url))

/** Run the scenarios, print the table, write the report. Returns it. */
export async function runBench(options: BenchOptions, io: BenchIo): Promise<BenchReport> {
  const unknown = (options.only ?? []).filter((name) => !scenarios.some((s) => s.name === name))
  if (unknown.length) throw new RangeError(`unknown scenario ${unknown.join(', ')} (known: ${scenarios.map((s) => s.name).join(', ')})`)
  const events = options.events ?? (options.quick ? 100_000 : 1_000_000)
  const workDir = mkdtempSync(join(tmpdir(), 'factledger-bench-'))
  const progress = createBenchProgress(io.stderr, io.interactive)
  const skipped: BenchReport['skipped'] = []
  const ctx: BenchContext = createBenchContext({
    workDir,
    quick: options.quick,
    events,
    rounds: options.quick ? 3 : 5,
    roundMs: options.quick ? 1_000 : 3_000,
    progress,
    onSkip: (name, reason) => {
      skipped.push({ name, reason })
      progress.done(`${name}: skipped (${reason})`)
    },
  })
  const startedAt = new Date()
  const results: ScenarioResult[] = []
  progress.done(`factledger bench: ${options.quick ? 'quick' : 'full'} run, ${events.toLocaleString('en-US')} events, scratch ${workDir}`)
  try {
    for (const group of scenarios) {
      if (options.only && !options.only.includes(group.name)) continue
      const started = performance.now()
      const lines = await group.run(ctx)
      results.push(...lines)
      for (const line of lines) progress.done(`${line.name}: ${Math.round(line.value * 100) / 100} ${line.unit} (baseline ${line.baseline === null ? '—' : Math.round(line.baseline * 100) / 100}) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
  } finally {
    progress.end()
    if (!options.keep) rmSync(workDir, { recursive: true, force: true })
  }
  const report: BenchReport = {
    machine: describeMachine(),
    mode: options.quick ? 'quick' : 'full',
    events,
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    scenarios: results,
    skipped,
  }
  io.stdout.write(options.markdown ? `${formatReportMarkdown(report)}\n` : `${formatResultsTable(results)}\n\n${formatMachine(report)}; ${report.durationSeconds} s\n`)
  if (!options.markdown) for (const s of skipped) io.stdout.write(`skipped ${s.name}: ${s.reason}\n`)
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true })
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`)
    io.stderr.write(`wrote ${options.out}\n`)
  }
  return report
}
