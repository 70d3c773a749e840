import { pino, type Logger } from 'pino'

/**
 * Structured logs on stderr, so stdout stays the command's own output
 * (tables, JSON, NDJSON exports) and can be piped. API keys never appear:
 * the authorization header is redacted.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { service: 'factledger' },
      redact: { paths: ['req.headers.authorization', 'headers.authorization', 'apiKey'], censor: '[redacted]' },
    },
    pino.destination({ fd: 2, sync: true }),
  )
}
