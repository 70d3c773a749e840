import type { WindowCounter } from './window-counter.js'

type Incremented = (err: Error | null, result?: { current: number; ttl: number }) => void

/**
 * @fastify/rate-limit's store interface (a class it constructs) over a
 * WindowCounter, so the request limit uses the shared counters too. The
 * plugin passes the route's window as a third argument its types omit.
 */
export function rateLimitStore(counter: WindowCounter, windowMs: number) {
  return class WindowCounterStore {
    incr(key: string, done: Incremented, timeWindow: number = windowMs): void {
      counter.hit(`requests:${key}`, timeWindow).then(
        ({ count, resetInMs }) => done(null, { current: count, ttl: resetInMs }),
        (err: Error) => done(err),
      )
    }
    child(): WindowCounterStore {
      return this
    }
  }
}
