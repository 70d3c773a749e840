import { createPrivateKey, type KeyObject } from 'node:crypto'
import { z } from 'zod'
import { Role } from '../events/metadata.js'

/** `key:role,key:role` -> a map from API key to role. */
const ApiKeys = z.string().transform((raw, ctx) => {
  const keys = new Map<string, Role>()
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf(':')
    const key = pair.slice(0, at)
    const role = Role.safeParse(pair.slice(at + 1))
    if (at < 1 || !role.success || role.data === 'system') {
      ctx.addIssue({ code: 'custom', message: `expected "key:role" pairs with role reader, editor or admin (bad entry "${pair.slice(0, 4)}…")` })
      return z.NEVER
    }
    if (key.length < 16) {
      ctx.addIssue({ code: 'custom', message: 'each API key must be at least 16 characters' })
      return z.NEVER
    }
    keys.set(key, role.data)
  }
  return keys
})

/**
 * An Ed25519 private key in PEM (PKCS #8), turned into a KeyObject at once:
 * a KeyObject prints and serializes as nothing, so the key cannot leak
 * through a logged or returned configuration. Errors never quote the value.
 */
const SigningKey = z.string().transform((pem, ctx): KeyObject => {
  try {
    const key = createPrivateKey(pem.replace(/\\n/g, '\n'))
    if (key.asymmetricKeyType === 'ed25519') return key
    ctx.addIssue({ code: 'custom', message: `must be an Ed25519 private key, got a ${key.asymmetricKeyType ?? 'symmetric'} key` })
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an Ed25519 private key in PEM (PKCS #8), e.g. from `openssl genpkey -algorithm ed25519`' })
  }
  return z.NEVER
})

const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

export const ConfigSchema = z
  .object({
    FACTLEDGER_STORE: z.enum(['sqlite', 'postgres', 'esdb']).default('sqlite'),
    FACTLEDGER_DB: z.string().min(1).default('./data/ledger.db'),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    FACTLEDGER_ESDB_URL: z.string().regex(/^(esdb|kurrentdb)(\+discover)?:\/\//, 'must be an esdb:// or kurrentdb:// URL').optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    FACTLEDGER_API_KEYS: ApiKeys.default(new Map()),
    FACTLEDGER_PUBLIC_READS: Bool.default(true),
    FACTLEDGER_DEMO: Bool.default(true),
    FACTLEDGER_RATE_LIMIT: z.coerce.number().int().positive().default(600),
    FACTLEDGER_SIGNING_KEY: SigningKey.optional(),
    /** Where the signing key is kept when FACTLEDGER_SIGNING_KEY is not set; default: signing-key.pem beside FACTLEDGER_DB. */
    FACTLEDGER_SIGNING_KEY_FILE: z.string().min(1).optional(),
    /** A tree head is signed and stored after this many new events ... */
    FACTLEDGER_HEAD_EVERY: z.coerce.number().int().positive().default(1000),
    /** ... or after this many seconds with new events, whichever comes first. */
    FACTLEDGER_HEAD_INTERVAL: z.coerce.number().int().positive().default(60),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    if (c.FACTLEDGER_STORE === 'postgres' && !c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when FACTLEDGER_STORE=postgres' })
    }
    if (c.FACTLEDGER_STORE === 'esdb' && !c.FACTLEDGER_ESDB_URL) {
      ctx.addIssue({ code: 'custom', path: ['FACTLEDGER_ESDB_URL'], message: 'is required when FACTLEDGER_STORE=esdb' })
    }
  })
export type Config = z.infer<typeof ConfigSchema>

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** Variables whose values never appear in an error message. */
const SECRET = new Set(['FACTLEDGER_API_KEYS', 'DATABASE_URL', 'FACTLEDGER_SIGNING_KEY'])

/** Read the environment; a bad value is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && k in ConfigSchema.shape))
  const parsed = ConfigSchema.safeParse(relevant)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const name = String(issue.path[0] ?? 'configuration')
  const got = typeof relevant[name] === 'string' && !SECRET.has(name) ? ` (got "${relevant[name]}")` : ''
  throw new ConfigError(`invalid configuration: ${name}: ${issue.message}${got}`)
}
