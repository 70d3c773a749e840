import { formatTable } from '../src/cli/table.js'
import type { BenchReport, ScenarioResult } from './results.js'

/** Numbers as people read them: 3 significant digits, thousands separated. */
export function formatNumber(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—'
  if (x === 0) return '0'
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))))
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
}

function metCell(r: ScenarioResult): string {
  if (r.met === undefined) return ''
  return r.met ? 'yes' : 'NO'
}

const headers = ['scenario', 'value', 'unit', 'baseline', 'ratio', 'target', 'met?']

function rows(results: ScenarioResult[]): string[][] {
  return results.map((r) => [
    r.name,
    formatNumber(r.value),
    r.unit,
    formatNumber(r.baseline),
    r.ratio === null ? '—' : r.ratio.toFixed(2),
    r.target?.text ?? '',
    metCell(r),
  ])
}

/** The table for a terminal. */
export function formatResultsTable(results: ScenarioResult[]): string {
  return formatTable(headers, rows(results))
}

/** The same table as GitHub markdown, for bench/README.md. */
export function formatResultsMarkdown(results: ScenarioResult[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|')
  const lines = [headers, headers.map(() => '---'), ...rows(results)]
  return lines.map((cells) => `| ${cells.map(escape).join(' | ')} |`).join('\n')
}

/** One line naming the machine, for the table's caption. */
export function formatMachine(report: Pick<BenchReport, 'machine' | 'mode' | 'events'>): string {
  const m = report.machine
  return `${m.cpus} × ${m.cpuModel}, ${formatNumber(m.memoryMb / 1024)} GB RAM, Node ${m.node} (${m.platform}); ${report.mode} run, ${report.events.toLocaleString('en-US')} events`
}

/** A whole report as markdown: the table, then the machine and run, then what was skipped. */
export function formatReportMarkdown(report: BenchReport): string {
  const lines = [formatResultsMarkdown(report.scenarios), '', `${formatMachine(report)}; ${report.durationSeconds} s, ${report.startedAt.slice(0, 10)}.`]
  for (const s of report.skipped) lines.push('', `Skipped ${s.name}: ${s.reason}`)
  return lines.join('\n')
}
