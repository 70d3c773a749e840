import { parseArgs } from 'node:util'
import { allSignedHeads, headMismatch } from '../../ledger/tamper/integrity-guard.js'
import { verifyLedger } from '../../ledger/tamper/verify-ledger.js'
import { type CliCommand, println } from '../io.js'
import { openForCli } from '../open.js'

/** `factledger verify [--json]`: recompute every hash chain and the Merkle head; name the first bad event. */
export const verifyCommand: CliCommand = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, db: { type: 'string' } }, strict: true })
  const runtime = await openForCli(io, { FACTLEDGER_DB: values.db })
  try {
    const signed = await allSignedHeads(runtime.treeStore)
    const result = await verifyLedger(runtime.store, { headsAt: signed.map((h) => h.treeSize) })
    // Chains that all recompute can still be a rewrite: the heads signed before must be reproduced too.
    const rewrite = result.ok ? headMismatch(result.heads, signed) : null
    if (rewrite) {
      println(io.stdout, values.json ? JSON.stringify({ ok: false, firstBad: null, detail: rewrite }, null, 2) : `LEDGER TAMPERED: ${rewrite}`)
      return 1
    }
    if (values.json) println(io.stdout, JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2))
    else if (result.ok) {
      println(io.stdout, `ledger verified: ${result.events} events in ${result.streams} streams; every hash chain intact`)
      println(io.stdout, `tree head: size ${result.head.size}, root ${result.head.rootHash}`)
      if (signed.length > 0) println(io.stdout, `the ${signed.length} signed head(s) stored match the log`)
    } else {
      const b = result.firstBad
      println(io.stdout, `LEDGER TAMPERED: first bad event at position ${b.position} (${b.stream} revision ${b.revision}, id ${b.eventId}): ${b.problem}`)
      println(io.stdout, `expected ${b.expected}, found ${b.actual}; ${result.checked} events checked`)
    }
    return result.ok ? 0 : 1
  } finally {
    await runtime.close()
  }
}
