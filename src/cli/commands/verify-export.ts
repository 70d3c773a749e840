import { parseArgs } from 'node:util'
import { ExportLineError, readExportEvents } from '../../interchange/read-export.js'
import { checkHeadSignature, type SignedHead } from '../../ledger/tamper/signed-head.js'
import { verifyEvents } from '../../ledger/tamper/verify-ledger.js'
import { type CliCommand, println } from '../io.js'
import { readPublicKey, readSignedHead } from '../read-key-and-heads.js'
import { UsageError } from '../usage-error.js'

/**
 * `factledger verify-export ledger.ndjson --head head.json [--head older.json …] --key pub.pem`:
 * checks an export with no server and no database. Every event's hash and
 * every stream's chain are recomputed; each saved head must be signed by the
 * key and its root must be the Merkle root of the export's first `size`
 * events. Heads that all match one export are consistent with each other
 * (each is a prefix of the same log), so a rewritten history fails against
 * any head saved before the rewrite. The algorithm is in README.md.
 */
export const verifyExportCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { head: { type: 'string', multiple: true }, key: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length !== 1) throw new UsageError('give exactly one export file: verify-export ledger.ndjson --head head.json --key pub.pem')
  const key = readPublicKey(values.key)
  const heads = (values.head ?? []).map((path) => ({ path, head: readSignedHead(path) }))
  if (heads.length === 0) throw new UsageError('--head head.json is required (a signed head saved from GET /ledger/head)')

  const problems: string[] = []
  const report = (line: string) => (values.json ? undefined : println(io.stdout, line))
  for (const { path, head } of heads) {
    const signature = checkHeadSignature(head, key)
    if (!signature.ok) problems.push(`${path}: ${signature.reason}`)
  }

  let result: Awaited<ReturnType<typeof verifyEvents>>
  try {
    result = await verifyEvents(readExportEvents(positionals[0]!), { headsAt: heads.map((h) => h.head.size) })
  } catch (error) {
    if (!(error instanceof ExportLineError)) throw error
    problems.push(`${positionals[0]}: ${error.message}`)
    return finish(io, values.json, problems, report)
  }
  if (!result.ok) {
    const b = result.firstBad
    problems.push(`first bad event at position ${b.position} (${b.stream} revision ${b.revision}, id ${b.eventId}): ${b.problem}, expected ${b.expected}, found ${b.actual}`)
    return finish(io, values.json, problems, report)
  }
  report(`export: ${result.events} events in ${result.streams} streams; every hash and chain recomputes; root ${result.head.rootHash}`)
  for (const { path, head } of heads) problems.push(...compareHead(path, head, result.heads, result.events))
  if (problems.length === 0) {
    for (const { path, head } of heads) report(`${path}: size ${head.size}, root ${head.rootHash.slice(0, 16)}…, signed ${head.signedAt} by ${head.keyId.slice(0, 16)}…: matches the export`)
    if (heads.length > 1) report(`the ${heads.length} heads are consistent: each is a prefix of this one log`)
  }
  return finish(io, values.json, problems, report)
}

function compareHead(path: string, head: SignedHead, computed: ReadonlyArray<{ size: number; rootHash: string; position: bigint }>, events: number): string[] {
  const at = computed.find((h) => h.size === head.size)
  if (!at) return [`${path}: the head covers ${head.size} events, the export holds only ${events} (truncated, or not this ledger)`]
  if (at.rootHash !== head.rootHash) return [`${path}: the export's first ${head.size} events have root ${at.rootHash}, the signed head says ${head.rootHash}: the history differs from what was signed`]
  if (at.position.toString() !== head.position) return [`${path}: event ${head.size} is at position ${at.position} in the export, the signed head says ${head.position}`]
  return []
}

function finish(io: Parameters<CliCommand>[1], json: boolean | undefined, problems: string[], report: (line: string) => void): number {
  if (json) println(io.stdout, JSON.stringify({ ok: problems.length === 0, problems }, null, 2))
  else if (problems.length === 0) report('VERIFIED: the export is the log the signed heads commit to')
  else for (const p of problems) report(`FAILED: ${p}`)
  return problems.length === 0 ? 0 : 1
}
