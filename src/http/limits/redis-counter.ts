import { Redis } from 'ioredis'
import type { WindowCounter } from './window-counter.js'

/** Counters in Redis (FACTLEDGER_REDIS_URL): INCR, and the window's expiry set by its first hit. */
export function createRedisCounter(url: string, prefix = 'factledger:limit:'): WindowCounter {
  // A hit waits for at most one reconnection attempt, then fails (and the caller counts in memory): a limiter must not stall requests.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 })
  redis.on('error', () => undefined)
  return {
    kind: 'redis',
    async hit(key, windowMs) {
      const name = `${prefix}${key}`
      const replies = await redis.multi().incr(name).pexpire(name, windowMs, 'NX').pttl(name).exec()
      if (!replies) throw new Error('the Redis transaction was aborted')
      for (const [err] of replies) if (err) throw err
      const count = Number(replies[0]![1])
      const ttl = Number(replies[2]![1])
      return { count, resetInMs: ttl > 0 ? ttl : windowMs }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
