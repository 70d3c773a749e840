import { parseArgs } from 'node:util'
import { runExtractCommand } from '../../extract/command.js'
import { type CliCommand, println } from '../io.js'
import { UsageError } from '../usage-error.js'

/**
 * `factledger extract <article.txt> [--meta source.json] [--json]`: propose
 * draft claims for an editor to review. Reads files only; records nothing.
 */
export const extractCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { meta: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  })
  const file = positionals[0]
  if (!file || positionals.length > 1) throw new UsageError('usage: factledger extract <article.txt> [--meta source.json] [--json]')
  const result = await runExtractCommand({ file, json: values.json, ...(values.meta ? { metaFile: values.meta } : {}) })
  println(result.exitCode === 0 ? io.stdout : io.stderr, result.output)
  return result.exitCode
}
