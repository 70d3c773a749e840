import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, type KeyObject, sign } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Logger } from 'pino'

/**
 * The ledger's Ed25519 signing key, held in a closure: what leaves it is the
 * public key, its id and signatures, never the private key (nothing here can
 * log, return or serialize it).
 */
export interface LedgerSigner {
  /** SHA-256 of the public key's DER (SubjectPublicKeyInfo), hex: names the key in every signed head. */
  keyId: string
  /** The public key, SPKI PEM: what /ledger/key serves and verifiers are given. */
  publicKeyPem: string
  /** Ed25519 signature of the message, base64. */
  sign(message: Buffer): string
}

export function keyIdOf(publicKey: KeyObject): string {
  return hash('sha256', publicKey.export({ type: 'spki', format: 'der' }), 'hex')
}

export function createLedgerSigner(privateKey: KeyObject): LedgerSigner {
  const publicKey = createPublicKey(privateKey)
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (message) => sign(null, message, privateKey).toString('base64'),
  }
}

export interface SigningKeySource {
  FACTLEDGER_SIGNING_KEY?: KeyObject | undefined
  FACTLEDGER_SIGNING_KEY_FILE?: string | undefined
  FACTLEDGER_DB: string
}

/**
 * The key from FACTLEDGER_SIGNING_KEY, else from the key file
 * (FACTLEDGER_SIGNING_KEY_FILE, default signing-key.pem beside the ledger
 * file), generated there on first start with mode 0600 so only the owner can
 * read it. Logged: the key's id and file, never the key.
 */
export function loadLedgerSigner(config: SigningKeySource, logger: Logger): LedgerSigner {
  if (config.FACTLEDGER_SIGNING_KEY) return createLedgerSigner(config.FACTLEDGER_SIGNING_KEY)
  const file = config.FACTLEDGER_SIGNING_KEY_FILE ?? join(dirname(config.FACTLEDGER_DB === ':memory:' ? './data/ledger.db' : config.FACTLEDGER_DB), 'signing-key.pem')
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777
    if (mode & 0o077) logger.warn({ keyFile: file, mode: mode.toString(8) }, 'the signing key file is readable by others than its owner: chmod 600 it')
    const key = createLedgerSigner(createPrivateKey(readFileSync(file)))
    logger.info({ keyFile: file, keyId: key.keyId }, 'signing tree heads with the key from the key file')
    return key
  }
  const { privateKey } = generateKeyPairSync('ed25519')
  mkdirSync(dirname(file), { recursive: true })
  // 'wx': two processes starting at once must not overwrite each other's new key.
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600) // the umask may have narrowed it further, never widened; make it exact
  const key = createLedgerSigner(privateKey)
  logger.info({ keyFile: file, keyId: key.keyId }, 'generated a signing key for tree heads (keep it, and back it up: heads signed with it stay verifiable only with its public key)')
  return key
}
