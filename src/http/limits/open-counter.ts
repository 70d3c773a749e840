import type { Logger } from 'pino'
import type { Config } from '../../config.js'
import { createMemoryCounter, type WindowCounter } from './window-counter.js'

/**
 * The counters the configuration calls for: Redis when FACTLEDGER_REDIS_URL
 * is set, else the PostgreSQL database when the store is PostgreSQL (several
 * API processes share it), else memory. A shared counter that fails counts
 * in memory for that request and logs it: the API stays up, and the limit
 * still holds per process.
 */
export async function openWindowCounter(config: Config, logger: Logger): Promise<WindowCounter> {
  let shared: WindowCounter | null = null
  if (config.FACTLEDGER_REDIS_URL) {
    const { createRedisCounter } = await import('./redis-counter.js')
    shared = createRedisCounter(config.FACTLEDGER_REDIS_URL)
  } else if (config.FACTLEDGER_STORE === 'postgres' && config.DATABASE_URL) {
    const { createPostgresCounter } = await import('./postgres-counter.js')
    shared = createPostgresCounter(config.DATABASE_URL)
  }
  return shared ? withFallback(shared, logger) : createMemoryCounter()
}

export function withFallback(shared: WindowCounter, logger: Logger): WindowCounter {
  const local = createMemoryCounter()
  let failing = false
  return {
    kind: shared.kind,
    async hit(key, windowMs) {
      try {
        const counted = await shared.hit(key, windowMs)
        if (failing) {
          failing = false
          logger.info({ counter: shared.kind }, 'shared rate-limit counters answer again')
        }
        return counted
      } catch (err) {
        if (!failing) {
          failing = true
          logger.error({ err, counter: shared.kind }, 'shared rate-limit counters failed; counting in this process until they answer')
        }
        return local.hit(key, windowMs)
      }
    },
    async close() {
      await Promise.all([shared.close(), local.close()])
    },
  }
}
