import { readFileSync } from 'node:fs'
import type { KeyObject } from 'node:crypto'
import { parsePublicKey, SignedHead } from '../ledger/tamper/signed-head.js'
import { UsageError } from './usage-error.js'

/** Read a file the user named; a missing file is a usage error naming it. */
export function readUserFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

/** --key pub.pem: the ledger's Ed25519 public key (GET /ledger/key.pem). */
export function readPublicKey(path: string | undefined): KeyObject {
  if (!path) throw new UsageError('--key pub.pem is required (the ledger public key, from GET /ledger/key.pem)')
  const key = parsePublicKey(readUserFile(path, 'key file'))
  if (!key) throw new UsageError(`${path} is not an Ed25519 public key in PEM (SPKI)`)
  return key
}

/** A saved signed head (head.json, as GET /ledger/head served it); a malformed one is a usage error naming the field. */
export function readSignedHead(path: string): SignedHead {
  let json: unknown
  try {
    json = JSON.parse(readUserFile(path, 'head'))
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${path} is not JSON`)
  }
  const parsed = SignedHead.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new UsageError(`${path}: ${issue.path.join('.') || '(head)'}: ${issue.message}`)
  }
  return parsed.data
}
