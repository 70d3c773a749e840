import { createHash, timingSafeEqual } from 'node:crypto'
import type { Role } from '../../../events/metadata.js'
import type { ApiKeyHolder } from '../../config.js'

/**
 * Who made a request. `actor` goes into event metadata: the key holder's name
 * when the key entry names one ("Ana Ruiz"), else a non-secret id of the key.
 * `keyId` is always the key's id (for rate limits and logs: two people may
 * share a name, never a key).
 */
export interface Principal {
  actor: string
  keyId: string
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
export function createKeyring(keys: ReadonlyMap<string, ApiKeyHolder>): Keyring {
  const entries = [...keys].map(([key, { role, name }]) => {
    const digest = sha256(key)
    const keyId = `key:${digest.toString('hex').slice(0, 8)}`
    return { digest, principal: { actor: name ?? keyId, keyId, role } }
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
