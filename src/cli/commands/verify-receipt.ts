import { parseArgs } from 'node:util'
import { FactReceipt } from '../../read/receipt/receipt.js'
import { verifyFactReceipt } from '../../read/receipt/verify-receipt.js'
import { type CliCommand, println } from '../io.js'
import { readPublicKey, readUserFile } from '../read-key-and-heads.js'
import { UsageError } from '../usage-error.js'

/** `factledger verify-receipt receipt.json --key pub.pem [--json]`: check a fact receipt offline. */
export const verifyReceiptCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({ args: argv, options: { key: { type: 'string' }, json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true })
  if (positionals.length !== 1) throw new UsageError('give exactly one receipt: verify-receipt receipt.json --key pub.pem')
  const key = readPublicKey(values.key)
  const path = positionals[0]!
  let json: unknown
  try {
    json = JSON.parse(readUserFile(path, 'receipt'))
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${path} is not JSON`)
  }
  const parsed = FactReceipt.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new UsageError(`${path}: ${issue.path.join('.') || '(receipt)'}: ${issue.message}`)
  }
  const result = verifyFactReceipt(parsed.data, key)
  if (values.json) println(io.stdout, JSON.stringify(result))
  else if (result.ok) {
    const r = parsed.data
    println(io.stdout, `VERIFIED: ${r.factId} is "${result.display}", recomputed from ${result.events} events, each proven in the head of size ${r.head.size} signed ${r.head.signedAt}`)
  } else println(io.stdout, `FAILED: ${result.problem}`)
  return result.ok ? 0 : 1
}
