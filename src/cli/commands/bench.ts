import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { CliCommand } from '../io.js'
import { UsageError } from '../usage-error.js'

/**
 * `factledger bench [--quick] [--only a,b] [--events N] [--out FILE | --no-write] [--keep] [--markdown]`:
 * measure the product against a bare baseline in the same run (bench/). The
 * table goes to stdout, progress to stderr, the JSON report to
 * bench/results.json unless --out names another file or --no-write.
 */
export const benchCommand: CliCommand = async (argv, io) => {
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
    },
    strict: true,
  })
  const events = values.events === undefined ? undefined : Number(values.events)
  if (events !== undefined && (!Number.isSafeInteger(events) || events < 1_000)) throw new UsageError('--events must be an integer of at least 1000')
  if (values.out && values['no-write']) throw new UsageError('--out and --no-write exclude each other')
  // Loaded on demand: the bench pulls in autocannon and the scenarios, which no other command needs.
  const { defaultResultsPath, runBench } = await import('../../../bench/run.js')
  const { scenarios } = await import('../../../bench/scenarios/index.js')
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = only?.filter((name) => !scenarios.some((s) => s.name === name)) ?? []
  if (unknown.length) throw new UsageError(`unknown scenario ${unknown.join(', ')} (known: ${scenarios.map((s) => s.name).join(', ')})`)
  const out = values['no-write'] ? null : values.out ? resolve(values.out) : defaultResultsPath
  await runBench({ quick: values.quick, out, keep: values.keep, markdown: values.markdown, ...(only ? { only } : {}), ...(events ? { events } : {}) }, io)
  return 0
}
