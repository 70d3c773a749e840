import type { FastifyBaseLogger } from 'fastify'
import type { WindowCounter } from '../limits/window-counter.js'

export interface FailedAuthLimit {
  /** Milliseconds until this address may present a key again; null when it may now. */
  blockedFor(address: string): number | null
  /** Count a wrong key from this address (and log it); the block in milliseconds when that was one too many, else null. */
  recordFailure(address: string, log: FastifyBaseLogger): Promise<number | null>
}

/**
 * Wrong API keys are counted per client address (in the shared counters, so
 * several API processes count together). Past `max` in a window the address
 * is refused with 429 until the window ends, whatever key it sends, so
 * guessing keys costs a window per `max` guesses.
 */
export function createFailedAuthLimit(counter: WindowCounter, options: { max: number; windowMs: number }): FailedAuthLimit {
  const blockedUntil = new Map<string, number>()
  return {
    blockedFor(address) {
      const until = blockedUntil.get(address)
      if (until === undefined) return null
      const left = until - Date.now()
      if (left > 0) return left
      blockedUntil.delete(address)
      return null
    },
    async recordFailure(address, log) {
      const { count, resetInMs } = await counter.hit(`auth-failure:${address}`, options.windowMs)
      log.warn({ clientAddress: address, failures: count, limit: options.max }, 'authentication failed: the API key is not valid')
      if (count <= options.max) return null
      if (blockedUntil.size > 10_000) blockedUntil.clear()
      blockedUntil.set(address, Date.now() + resetInMs)
      log.warn({ clientAddress: address, failures: count, retryInMs: resetInMs }, 'too many failed authentications: address blocked')
      return resetInMs
    },
  }
}
