import { parseArgs } from 'node:util'
import { defaultResultsPath, runBench } from './run.js'

/** `npx tsx bench/main.ts [--quick]`: the bench without the CLI around it. */
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, events: { type: 'string' }, out: { type: 'string' }, keep: { type: 'boolean', default: false } }, strict: true })
await runBench(
  { quick: values.quick, out: values.out ?? defaultResultsPath, keep: values.keep, ...(values.only ? { only: values.only.split(',') } : {}), ...(values.events ? { events: Number(values.events) } : {}) },
  { stdout: process.stdout, stderr: process.stderr, interactive: Boolean(process.stderr.isTTY) },
)
