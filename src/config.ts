import { createPrivateKey, type KeyObject } from 'node:crypto'
import { z } from 'zod'
import { Role } from '../events/metadata.js'

/** An API key's role and, when the entry names one, the person who holds it. */
export interface ApiKeyHolder {
  role: Role
  /** Recorded as the actor of the events written with the key; never the key itself. */
  name?: string
}

const keyEntryHint = 'expected "key:role" or "key:role:name" entries with role reader, editor or admin'

/** One `key:role` or `key:role:name` entry; a key may itself contain colons, a name may not. */
function parseKeyEntry(entry: string): { key: string; holder: ApiKeyHolder } | null {
  const parts = entry.split(':')
  const last = Role.safeParse(parts.at(-1))
  if (parts.length >= 2 && last.success && last.data !== 'system') return { key: parts.slice(0, -1).join(':'), holder: { role: last.data } }
  const named = Role.safeParse(parts.at(-2))
  const name = parts.at(-1)!.trim()
  if (parts.length >= 3 && named.success && named.data !== 'system' && name !== '') return { key: parts.slice(0, -2).join(':'), holder: { role: named.data, name } }
  return null
}

/** `key:role,key:role:name` -> a map from API key to its role and holder's name. */
const ApiKeys = z.string().transform((raw, ctx) => {
  const keys = new Map<string, ApiKeyHolder>()
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const parsed = parseKeyEntry(pair)
    if (!parsed || parsed.key === '') {
      ctx.addIssue({ code: 'custom', message: `${keyEntryHint} (bad entry "${pair.slice(0, 4)}…")` })
      return z.NEVER
    }
    if (parsed.key.length < 16) {
      ctx.addIssue({ code: 'custom', message: 'each API key must be at least 16 characters' })
      return z.NEVER
    }
    if (parsed.holder.name !== undefined && parsed.holder.name.length > 100) {
      ctx.addIssue({ code: 'custom', message: `the name after a key's role must be at most 100 characters (entry "${pair.slice(0, 4)}…")` })
      return z.NEVER
    }
    keys.set(parsed.key, parsed.holder)
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
    FACTLEDGER_AUTH_FAILURE_LIMIT: z.coerce.number().int().positive().default(20),
    /** Seconds a client may take to send a request's headers before a 408 (a slowloris is cut off after this). */
    FACTLEDGER_HEADERS_TIMEOUT: z.coerce.number().int().min(1).max(600).default(15),
    FACTLEDGER_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
    FACTLEDGER_SIGNING_KEY: SigningKey.optional(),
    /** Where the signing key is kept when FACTLEDGER_SIGNING_KEY is not set; default: signing-key.pem beside FACTLEDGER_DB. */
    FACTLEDGER_SIGNING_KEY_FILE: z.string().min(1).optional(),
    /** A tree head is signed and stored after this many new events ... */
    FACTLEDGER_HEAD_EVERY: z.coerce.number().int().positive().default(1000),
    /** ... or after this many seconds with new events, whichever comes first. */
    FACTLEDGER_HEAD_INTERVAL: z.coerce.number().int().positive().default(60),
    /** Memory for remembered GET /facts/:id responses, in MiB (0: none); each is checked against the store's change stamp before it is answered. */
    FACTLEDGER_VIEW_CACHE_MB: z.coerce.number({ message: 'must be a whole number of MiB' }).int('must be a whole number of MiB').min(0, 'must be 0 (no cache) or more').max(65536, 'must be at most 65536 (64 GiB)').default(16),
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
