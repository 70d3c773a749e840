import { type CliCommand, println } from '../io.js'
import { openForCli } from '../open.js'

/** `factledger migrate`: apply the backend's pending migrations (opening a backend applies them) and report. */
export const migrateCommand: CliCommand = async (_argv, io) => {
  const runtime = await openForCli(io)
  try {
    println(io.stdout, `${runtime.store.kind}: schema up to date; ledger head at position ${await runtime.store.headPosition()}`)
    return 0
  } finally {
    await runtime.close()
  }
}
