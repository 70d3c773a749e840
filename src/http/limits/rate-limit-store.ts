import type { WindowCounter } from './window-counter.js'

type Incremented = (err: Error | null, result?: { current: number; ttl: number }) => void

/**
 * @fastify/rate-limit's store interface (a class it constructs) over a
 * WindowCounter, so the request limit uses the shared counters too. The
 * plugin passes the route's window as a third argument its types omit.
 */
export function rateLimitStore(counter: WindowCounter, windowMs: number) {
  return class WindowCounterStore {
    /** A route with a limit of its own counts apart from the global limit (as the plugin's own stores do). */
    constructor(_pluginOptions?: unknown, private readonly scope = 'requests') {}

    incr(key: string, done: Incremented, timeWindow: number = windowMs): void {
      counter.hit(`${this.scope}:${key}`, timeWindow).then(
        ({ count, resetInMs }) => done(null, { current: count, ttl: resetInMs }),
        (err: Error) => done(err),
      )
    }
    // Typed as the route's options; at run time the plugin passes its merged parameters, the route under `routeInfo`.
    child(routeOptions: object): WindowCounterStore {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo
      return new WindowCounterStore(undefined, `requests:${String(route?.method ?? '')} ${route?.url ?? ''}`)
    }
  }
}
