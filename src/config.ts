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

/** Read the environment; a bad value is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && k in ConfigSchema.shape))
  const parsed = ConfigSchema.safeParse(relevant)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const name = String(issue.path[0] ?? 'configuration')
  const got = typeof relevant[name] === 'string' && name !== 'FACTLEDGER_API_KEYS' && name !== 'DATABASE_URL' ? ` (got "${relevant[name]}")` : ''
  throw new ConfigError(`invalid configuration: ${name}: ${issue.message}${got}`)
}
