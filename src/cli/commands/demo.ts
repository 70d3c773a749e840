import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadDemo } from '../../demo/load-demo.js'
import { factJson, factTable } from '../fact-output.js'
import { type CliCommand, println } from '../io.js'
import { openForCli } from '../open.js'
import { parseClocks } from '../parse-clocks.js'

/**
 * `factledger demo [--json] [--known-at D] [--db FILE]`: record the demo corpus
 * into a fresh ledger through the real commands, project it with the real
 * policy, and print the reconciled facts.
 */
export const demoCommand: CliCommand = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false }, db: { type: 'string' }, 'known-at': { type: 'string' }, 'as-of': { type: 'string' } },
    strict: true,
  })
  const clocks = parseClocks(values)
  const scratch = values.db ? null : mkdtempSync(join(tmpdir(), 'factledger-demo-'))
  const db = values.db ?? join(scratch!, 'ledger.db')
  const runtime = await openForCli(io, { FACTLEDGER_STORE: 'sqlite', FACTLEDGER_DB: db })
  try {
    await loadDemo(runtime.ledger)
    await runtime.runner.catchUp()
    const page = await runtime.facts.listFacts({ limit: 500 }, clocks)
    if (values.json) println(io.stdout, JSON.stringify(page.items.map(factJson), null, 2))
    else {
      println(io.stdout, factTable(page.items))
      println(io.stdout)
      println(io.stdout, `${page.items.length} facts from ${await runtime.store.headPosition()} events; ledger at ${db}${scratch ? ' (temporary)' : ''}`)
    }
    return 0
  } finally {
    await runtime.close()
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  }
}
