import { ConfigError } from '../config.js'
import { demoCommand } from './commands/demo.js'
import { disputeCommand, listDisputesCommand, resolveDisputeCommand } from './commands/dispute-commands.js'
import { factsCommand } from './commands/facts.js'
import { extractCommand } from './commands/extract.js'
import { exportCommand, importCommand, rebuildCommand } from './commands/log-commands.js'
import { migrateCommand } from './commands/migrate.js'
import { serveCommand } from './commands/serve.js'
import { verifyCommand } from './commands/verify.js'
import { verifyExportCommand } from './commands/verify-export.js'
import { verifyReceiptCommand } from './commands/verify-receipt.js'
import { watchHeadsCommand } from './commands/watch-heads.js'
import { type CliCommand, type CliIo, println } from './io.js'
import { UsageError } from './usage-error.js'

const commands: Record<string, { run: CliCommand; help: string }> = {
  demo: { run: demoCommand, help: 'demo [--json] [--known-at DATE]        fresh ledger from the demo corpus; prints the reconciled facts' },
  facts: { run: factsCommand, help: 'facts [--as-of P|T] [--known-at D] [--valid-at D] [--status S] [--json]' },
  import: { run: importCommand, help: 'import <file.ndjson>                    append an exported event log (hashes checked)' },
  export: { run: exportCommand, help: 'export [--out FILE]                     the event log as NDJSON' },
  rebuild: { run: rebuildCommand, help: 'rebuild                                 drop and rebuild every projection' },
  verify: { run: verifyCommand, help: 'verify [--json]                         recompute hash chains and Merkle head' },
  'verify-export': { run: verifyExportCommand, help: 'verify-export <ledger.ndjson> --head head.json [--head …] --key pub.pem [--json]  offline: chains, and the tree root against signed heads' },
  'verify-receipt': { run: verifyReceiptCommand, help: 'verify-receipt <receipt.json> --key pub.pem [--json]   offline: a fact receipt\'s head, proofs and view' },
  'watch-heads': { run: watchHeadsCommand, help: 'watch-heads <url> [--dir DIR] [--every S] [--once]   save signed heads over time; exit 1 on a fork or rewrite' },
  serve: { run: serveCommand, help: 'serve [--port N] [--host H] [--no-demo] the HTTP API (loads the demo corpus into an empty ledger)' },
  dispute: { run: disputeCommand, help: 'dispute <claimId> --reason TEXT          flag a claim as disputed (editor)' },
  disputes: { run: listDisputesCommand, help: 'disputes <claimId> [--json]             a claim\'s disputes, with their ids and status' },
  'resolve-dispute': { run: resolveDisputeCommand, help: 'resolve-dispute <claimId> --dispute ID --outcome upheld|dismissed --reason TEXT' },
  extract: { run: extractCommand, help: 'extract <article.txt> [--meta source.json] [--json]  draft claims for review; records nothing' },
  migrate: { run: migrateCommand, help: 'migrate                                 apply pending schema migrations' },
}

export function registerCommand(name: string, run: CliCommand, help: string): void {
  commands[name] = { run, help }
}

function usage(): string {
  return ['usage: factledger <command> [options]', '', ...Object.values(commands).map((c) => `  ${c.help}`), '', 'Configuration comes from the environment (see README).'].join('\n')
}

/** Run one CLI invocation; returns the exit code. Bad arguments are one line on stderr and exit 2. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    println(name ? io.stdout : io.stderr, usage())
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    println(io.stderr, `factledger: unknown command "${name}" (try: ${Object.keys(commands).join(', ')})`)
    return 2
  }
  try {
    return await command.run(rest, io)
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      println(io.stderr, `factledger ${name}: ${(err as Error).message}`)
      return 2
    }
    throw err
  }
}
