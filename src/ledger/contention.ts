import type { CommandContext } from './context.js'
import type { CommandResult } from './result.js'

/** Attempts of a command without If-Match before the server gives up on a stream that keeps moving. */
export const MAX_ATTEMPTS = 5

/**
 * How the ledger meets concurrent writers on one entity.
 *
 * In one process, commands on the same entity run one at a time, so they
 * never race each other: each checks its invariants on the state the
 * previous one left. Across processes (several API servers on one
 * PostgreSQL) they can still race; a command the editor sent without
 * If-Match did not ask for any particular revision, so when the stream
 * moved under it, it is run again on a fresh read (up to MAX_ATTEMPTS,
 * with a short jittered pause) and refused only if its invariants fail on
 * the new state. With If-Match, a moved stream is the editor's conflict: 409
 * at once.
 */
export function createContention(pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))) {
  const tails = new Map<string, Promise<unknown>>()

  function oneAtATime<T>(entity: string, work: () => Promise<T>): Promise<T> {
    const before = tails.get(entity) ?? Promise.resolve()
    const run = before.then(work, work)
    const tail = run.catch(() => undefined)
    tails.set(entity, tail)
    // Forget the entity once nothing is queued behind this command, so the map stays as small as the work in flight.
    void tail.then(() => tails.get(entity) === tail && tails.delete(entity))
    return run
  }

  async function retryingStale(ctx: CommandContext, command: () => Promise<CommandResult>): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const result = await command()
      if (result.ok || result.error.code !== 'WrongExpectedRevision' || ctx.expectedRevision !== undefined) return result
      if (attempt === MAX_ATTEMPTS) {
        const message = `${result.error.stream} changed under each of ${MAX_ATTEMPTS} attempts (other writers are busy on it); send the request again`
        return { ok: false, error: { ...result.error, message } }
      }
      await pause(Math.random() * 10 * 2 ** attempt)
    }
  }

  return {
    /** Run a command on `entity` after the ones already queued on it, retrying on a fresh read when it sent no If-Match. */
    run: (entity: string, ctx: CommandContext, command: () => Promise<CommandResult>) => oneAtATime(entity, () => retryingStale(ctx, command)),
  }
}
