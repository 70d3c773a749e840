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
    FACTLEDGER_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
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
