import { createHash, timingSafeEqual } from 'node:crypto'
import type { Role } from '../../../events/metadata.js'

/** Who made a request: a non-secret id for the key (safe to log and to store in event metadata) and its role. */
export interface Principal {
  actor: string
  role: Role
}

export interface Keyring {
  /** The principal of a presented key, or null for an unknown key. */
  authenticate(key: string): Principal | null
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/**
 * The configured API keys, kept only as sha256 digests. A presented key is
 * hashed and compared with every digest in constant time, without stopping
 * at a match, so neither the comparison nor the loop tells an attacker how
 * close a guess was or which key matched.
 */
export function createKeyring(keys: ReadonlyMap<string, Role>): Keyring {
  const entries = [...keys].map(([key, role]) => {
    const digest = sha256(key)
    return { digest, principal: { actor: `key:${digest.toString('hex').slice(0, 8)}`, role } }
  })
  return {
    authenticate(key) {
      const digest = sha256(key)
      let found: Principal | null = null
      for (const entry of entries) {
        if (timingSafeEqual(digest, entry.digest) && found === null) found = entry.principal
      }
      return found
    },
  }
}

export type BearerHeader = { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; token: string }

/** Read `Authorization: Bearer <key>`. */
export function parseBearer(header: string | undefined): BearerHeader {
  if (header === undefined || header === '') return { kind: 'none' }
  const match = /^Bearer +([\x21-\x7e]{1,512})\s*$/i.exec(header)
  return match ? { kind: 'token', token: match[1]! } : { kind: 'malformed' }
}
