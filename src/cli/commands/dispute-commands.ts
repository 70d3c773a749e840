import { parseArgs } from 'node:util'
import type { CommandContext } from '../../ledger/context.js'
import type { CommandResult } from '../../ledger/result.js'
import type { Runtime } from '../../runtime.js'
import { type CliCommand, type CliIo, println } from '../io.js'
import { openForCli } from '../open.js'
import { UsageError } from '../usage-error.js'

/**
 * Disputes from the command line, for a desk working in a terminal: open one
 * on a claim, list a claim's disputes, resolve one (upheld: the claim leaves
 * reconciliation; dismissed: it counts again). The actor is `--actor` or
 * FACTLEDGER_ACTOR (the shell user otherwise); the role is editor.
 */
const options = {
  reason: { type: 'string' },
  dispute: { type: 'string' },
  outcome: { type: 'string' },
  actor: { type: 'string' },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const

function contextOf(io: CliIo, actor: string | undefined): CommandContext {
  return { actor: actor ?? io.env.FACTLEDGER_ACTOR ?? `cli:${io.env.USER ?? 'editor'}`, role: 'editor' }
}

async function withLedger(io: CliIo, db: string | undefined, run: (runtime: Runtime) => Promise<number>): Promise<number> {
  const runtime = await openForCli(io, { FACTLEDGER_DB: db })
  try {
    return await run(runtime)
  } finally {
    await runtime.close()
  }
}

/** One line per refused field, as the API would name it; exit 1 and nothing written. */
function report(io: CliIo, result: CommandResult, done: string): number {
  if (!result.ok) {
    const issues = result.error.code === 'ValidationFailed' ? result.error.issues.map((i) => `${i.path}: ${i.message}`) : [result.error.message]
    for (const line of issues) println(io.stderr, `refused (${result.error.code}): ${line}`)
    return 1
  }
  println(io.stdout, `${done} at ledger position ${result.position} (event ${result.event.id})`)
  return 0
}

/** `factledger dispute <claimId> --reason TEXT` */
export const disputeCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  const [claimId] = positionals
  if (!claimId) throw new UsageError('name the claim: dispute <claimId> --reason TEXT')
  return withLedger(io, values.db, async (runtime) =>
    report(io, await runtime.ledger.disputeClaim(contextOf(io, values.actor), claimId, { reason: values.reason ?? '' }), 'dispute recorded'),
  )
}

/** `factledger disputes <claimId> [--json]`: the claim's disputes with their ids and status. */
export const listDisputesCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  const [claimId] = positionals
  if (!claimId) throw new UsageError('name the claim: disputes <claimId>')
  return withLedger(io, values.db, async (runtime) => {
    const claim = await runtime.readModel.getClaim(claimId)
    if (!claim) {
      println(io.stderr, `no claim "${claimId}"`)
      return 1
    }
    if (values.json) println(io.stdout, JSON.stringify(claim.disputes.map(({ stamp: _s, ...d }) => ({ ...d, ...(d.resolution ? { resolution: { ...d.resolution, stamp: undefined } } : {}) })), null, 2))
    else if (claim.disputes.length === 0) println(io.stdout, 'no disputes')
    else for (const d of claim.disputes) println(io.stdout, `${d.disputeId}  ${d.status.padEnd(9)}  ${d.openedAt}  ${d.by}: ${d.reason}${d.resolution ? ` -> ${d.resolution.reason}` : ''}`)
    return 0
  })
}

/** `factledger resolve-dispute <claimId> --dispute ID --outcome upheld|dismissed --reason TEXT` */
export const resolveDisputeCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  const [claimId] = positionals
  if (!claimId) throw new UsageError('name the claim: resolve-dispute <claimId> --dispute ID --outcome upheld|dismissed --reason TEXT')
  const input = { disputeId: values.dispute ?? '', outcome: values.outcome ?? '', reason: values.reason ?? '' }
  return withLedger(io, values.db, async (runtime) =>
    report(io, await runtime.ledger.resolveDispute(contextOf(io, values.actor), claimId, input), `dispute ${values.outcome ?? ''}`),
  )
}
