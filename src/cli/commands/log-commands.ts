import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { exportEvents } from '../../interchange/export-events.js'
import { DEFAULT_IMPORT_WINDOW, importEvents } from '../../interchange/import-events.js'
import { type CliCommand, println } from '../io.js'
import { openForCli } from '../open.js'
import { createProgress } from '../progress.js'
import { UsageError } from '../usage-error.js'

/** `factledger export [--out FILE]`: the event log as NDJSON (stdout by default). */
export const exportCommand: CliCommand = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, db: { type: 'string' } }, strict: true })
  const runtime = await openForCli(io, { FACTLEDGER_DB: values.db })
  try {
    const out = values.out ? createWriteStream(values.out) : io.stdout
    const n = await exportEvents(runtime.store, out)
    if (values.out) {
      out.end()
      await finished(out)
    }
    println(io.stderr, `exported ${n} events`)
    return 0
  } finally {
    await runtime.close()
  }
}

/** `factledger import <file.ndjson>`: append an exported log; refuses tampered lines. */
export const importCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({ args: argv, options: { db: { type: 'string' } }, allowPositionals: true, strict: true })
  const file = positionals[0]
  if (!file || positionals.length > 1) throw new UsageError('usage: factledger import <file.ndjson>')
  const runtime = await openForCli(io, { FACTLEDGER_DB: values.db })
  const progress = createProgress(io, 'import')
  try {
    // Only SQLite's group commit keeps pipelined appends in call order; others go one by one.
    const window = runtime.store.kind === 'sqlite' ? DEFAULT_IMPORT_WINDOW : 1
    const result = await importEvents(runtime.store, file, { window, onProgress: (n) => progress.update(n, n) })
    progress.stop()
    if (!result.ok) {
      println(io.stderr, `import stopped at ${result.message} (${result.imported} events imported before it)`)
      return 1
    }
    await runtime.runner.catchUp()
    println(io.stdout, `imported ${result.imported} events${result.skipped ? `, ${result.skipped} already present` : ''}`)
    return 0
  } finally {
    await runtime.close()
  }
}

/**
 * `factledger rebuild`: drop the read model and fold the whole log again. A
 * rebuild that was interrupted continues from its checkpoint; `--restart`
 * starts over anyway.
 */
export const rebuildCommand: CliCommand = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, restart: { type: 'boolean', default: false } }, strict: true })
  const runtime = await openForCli(io, { FACTLEDGER_DB: values.db })
  const progress = createProgress(io, 'rebuild')
  try {
    const started = performance.now()
    const position = await runtime.runner.rebuild((done, total) => progress.update(done, total), { restart: values.restart })
    progress.stop()
    println(io.stdout, `rebuilt read model to position ${position} in ${((performance.now() - started) / 1000).toFixed(2)} s`)
    return 0
  } finally {
    await runtime.close()
  }
}
