import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { BenchReport } from './results.js'
import { type BenchIo, defaultResultsPath, runBench } from './run.js'
import { scenarios } from './scenarios/index.js'
import { formatReportMarkdown } from './table.js'

/** A bad argument: one line on stderr, exit status 2, nothing measured. */
class BenchUsageError extends Error {}

/**
 * `npm run bench -- [--quick] [--only a,b] [--events N] [--out FILE | --no-write] [--keep] [--markdown]`:
 * measure the product against a bare baseline in the same run. The table goes
 * to stdout, progress to stderr, the JSON report to bench/results.json unless
 * --out names another file or --no-write. `--show FILE` prints a saved report
 * as markdown instead. The bench lives outside the product CLI because it needs
 * devDependencies (autocannon) that the production image does not install.
 */
export async function benchCommand(argv: string[], io: BenchIo): Promise<number> {
  try {
    return await bench(argv, io)
  } catch (err) {
    if (err instanceof BenchUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`bench: ${(err as Error).message}\n`)
      return 2
    }
    throw err
  }
}

async function bench(argv: string[], io: BenchIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      events: { type: 'string' },
      out: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      show: { type: 'string' },
    },
    strict: true,
  })
  if (values.show) {
    io.stdout.write(`${formatReportMarkdown(JSON.parse(readFileSync(values.show, 'utf8')) as BenchReport)}\n`)
    return 0
  }
  const events = values.events === undefined ? undefined : Number(values.events)
  if (events !== undefined && (!Number.isSafeInteger(events) || events < 1_000)) throw new BenchUsageError('--events must be an integer of at least 1000')
  if (values.out && values['no-write']) throw new BenchUsageError('--out and --no-write exclude each other')
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = only?.filter((name) => !scenarios.some((s) => s.name === name)) ?? []
  if (unknown.length) throw new BenchUsageError(`unknown scenario ${unknown.join(', ')} (known: ${scenarios.map((s) => s.name).join(', ')})`)
  const out = values['no-write'] ? null : values.out ? resolve(values.out) : defaultResultsPath
  await runBench({ quick: values.quick, out, keep: values.keep, markdown: values.markdown, ...(only ? { only } : {}), ...(events ? { events } : {}) }, io)
  return 0
}
