import { createPublicKey, type KeyObject, verify } from 'node:crypto'
import { z } from 'zod'
import type { LedgerHead } from './ledger-head.js'
import { keyIdOf, type LedgerSigner } from './signing-key.js'

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits')
const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')

/**
 * A signed tree head (RFC 6962's STH): the ledger's key vouches that the log
 * of `size` events has Merkle root `rootHash`, the last at `position`, as of
 * `signedAt`. JSON as served by /ledger/head and /ledger/heads and as saved
 * by clients (head.json); the schema is the type.
 */
export const SignedHead = z
  .object({
    size: z.number().int().nonnegative(),
    rootHash: Hash,
    position: z.string().regex(/^\d+$/, 'must be a decimal position'),
    signedAt: z.string().min(1),
    keyId: Hash,
    signature: Base64,
  })
  .meta({ id: 'SignedHead' })
export type SignedHead = z.infer<typeof SignedHead>

/**
 * The exact bytes signed: five lines of UTF-8 text, so any verifier can
 * rebuild them without a JSON canonicalizer.
 */
export function headMessage(head: Omit<SignedHead, 'signature' | 'keyId'>): Buffer {
  return Buffer.from(['factledger-tree-head-v1', String(head.size), head.rootHash, head.position, head.signedAt].join('\n'), 'utf8')
}

export function signHead(signer: LedgerSigner, head: LedgerHead, signedAt: Date): SignedHead {
  const body = { size: head.size, rootHash: head.rootHash, position: head.position.toString(), signedAt: signedAt.toISOString() }
  return { ...body, keyId: signer.keyId, signature: signer.sign(headMessage(body)) }
}

/** The public key from PEM (SPKI), or null when it is not an Ed25519 public key. */
export function parsePublicKey(pem: string): KeyObject | null {
  try {
    const key = createPublicKey(pem)
    return key.asymmetricKeyType === 'ed25519' ? key : null
  } catch {
    return null
  }
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string }

/** Is this head signed by this key? Names what is wrong when not. */
export function checkHeadSignature(head: SignedHead, publicKey: KeyObject): SignatureCheck {
  if (head.keyId !== keyIdOf(publicKey)) return { ok: false, reason: `signed by key ${head.keyId.slice(0, 16)}…, not by the given key ${keyIdOf(publicKey).slice(0, 16)}…` }
  const valid = verify(null, headMessage(head), publicKey, Buffer.from(head.signature, 'base64'))
  return valid ? { ok: true } : { ok: false, reason: 'the signature does not match the head (altered, or signed by another key)' }
}

/**
 * An inclusion promise (a Certificate Transparency SCT, for events): the
 * ledger's key vouches that the event with hash `eventHash` was accepted at
 * `position` and will be a leaf of every tree head from then on. A client
 * that keeps it can later demand an inclusion proof for that position.
 */
export const InclusionPromise = z
  .object({
    eventHash: Hash,
    position: z.string().regex(/^\d+$/),
    signedAt: z.string().min(1),
    keyId: Hash,
    signature: Base64,
  })
  .meta({ id: 'InclusionPromise' })
export type InclusionPromise = z.infer<typeof InclusionPromise>

export function promiseMessage(p: Omit<InclusionPromise, 'signature' | 'keyId'>): Buffer {
  return Buffer.from(['factledger-inclusion-promise-v1', p.eventHash, p.position, p.signedAt].join('\n'), 'utf8')
}

export function promiseInclusion(signer: LedgerSigner, event: { hash: string; position: bigint }, signedAt: Date): InclusionPromise {
  const body = { eventHash: event.hash, position: event.position.toString(), signedAt: signedAt.toISOString() }
  return { ...body, keyId: signer.keyId, signature: signer.sign(promiseMessage(body)) }
}

export function checkPromiseSignature(p: InclusionPromise, publicKey: KeyObject): boolean {
  return p.keyId === keyIdOf(publicKey) && verify(null, promiseMessage(p), publicKey, Buffer.from(p.signature, 'base64'))
}
