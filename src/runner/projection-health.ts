import { z } from 'zod'

/** What /ready and the ledger page show about the projections: following, or stuck at an event with the error. */
export const ProjectionHealth = z.object({
  state: z.enum(['following', 'retrying']).describe('retrying: a batch failed; the checkpoint stays before it and the runner tries again'),
  /** The last position folded into the read model (the checkpoint never passes an event that was not projected). */
  projectedPosition: z.string(),
  failure: z
    .object({
      event: z
        .object({ id: z.string(), position: z.string(), type: z.string() })
        .nullable()
        .describe('the event that fails when folded on its own; null until a retry has isolated it'),
      error: z.string(),
      attempts: z.number().int().describe('failed attempts in a row'),
      since: z.string().describe('when the first of them failed'),
      retryInMs: z.number().int(),
    })
    .nullable(),
})
export type ProjectionHealth = z.infer<typeof ProjectionHealth>

export interface FailingEvent {
  id: string
  position: bigint
  type: string
}

/** Wait before retry n (1-based): 100 ms doubling to at most 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 100 * 2 ** Math.min(attempt - 1, 20))
}

/** The runner's record of failures in a row, cleared by the next batch that commits. */
export function createHealthTracker(delay: (attempt: number) => number = retryDelayMs) {
  let failure: { event: FailingEvent | null; error: string; attempts: number; since: Date; retryInMs: number } | null = null
  return {
    /** Record a failure; returns how long to wait before the next attempt. */
    failed(err: unknown, event: FailingEvent | null): number {
      const attempts = (failure?.attempts ?? 0) + 1
      const retryInMs = delay(attempts)
      failure = {
        event: event ?? failure?.event ?? null,
        error: err instanceof Error ? err.message : String(err),
        attempts,
        since: failure?.since ?? new Date(),
        retryInMs,
      }
      return retryInMs
    },
    recovered(): boolean {
      const was = failure !== null
      failure = null
      return was
    },
    failing: () => failure !== null,
    snapshot(projected: bigint): ProjectionHealth {
      return {
        state: failure ? 'retrying' : 'following',
        projectedPosition: projected.toString(),
        failure: failure && {
          event: failure.event && { id: failure.event.id, position: failure.event.position.toString(), type: failure.event.type },
          error: failure.error,
          attempts: failure.attempts,
          since: failure.since.toISOString(),
          retryInMs: failure.retryInMs,
        },
      }
    },
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
