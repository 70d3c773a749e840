import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { BenchReport } from './results.js'
import { defaultResultsPath, runBench } from './run.js'
import { formatReportMarkdown } from './table.js'

/**
 * `npx tsx bench/main.ts [--quick] [--only a,b] [--events N] [--out FILE] [--keep] [--markdown]`:
 * the bench without the CLI around it. `--show FILE` prints a saved report as markdown instead.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    events: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    show: { type: 'string' },
  },
  strict: true,
})
if (values.show) {
  process.stdout.write(`${formatReportMarkdown(JSON.parse(readFileSync(values.show, 'utf8')) as BenchReport)}\n`)
} else {
  await runBench(
    {
      quick: values.quick,
      out: values.out ?? defaultResultsPath,
      keep: values.keep,
      markdown: values.markdown,
      ...(values.only ? { only: values.only.split(',') } : {}),
      ...(values.events ? { events: Number(values.events) } : {}),
    },
    { stdout: process.stdout, stderr: process.stderr, interactive: Boolean(process.stderr.isTTY) },
  )
}
