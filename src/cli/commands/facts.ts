import { parseArgs } from 'node:util'
import type { FactView } from '../../../projections/model.js'
import { factJson, factTable } from '../fact-output.js'
import { type CliCommand, println } from '../io.js'
import { openForCli } from '../open.js'
import { parseClocks } from '../parse-clocks.js'

/** `factledger facts [--as-of P|T] [--known-at D] [--valid-at D] [--status S] [--json]` */
export const factsCommand: CliCommand = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      'as-of': { type: 'string' },
      'known-at': { type: 'string' },
      'valid-at': { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
    },
    strict: true,
  })
  const clocks = parseClocks(values)
  const runtime = await openForCli(io, { FACTLEDGER_DB: values.db })
  try {
    const views: FactView[] = []
    let after: string | undefined
    for (;;) {
      const page = await runtime.facts.listFacts({ limit: 200, ...(values.status ? { status: values.status } : {}), ...(after ? { after } : {}) }, clocks)
      views.push(...page.items)
      if (!page.next) break
      after = page.next
    }
    println(io.stdout, values.json ? JSON.stringify(views.map(factJson), null, 2) : factTable(views))
    return 0
  } finally {
    await runtime.close()
  }
}
