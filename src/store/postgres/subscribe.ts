import type pg from 'pg'
import type { RecordedEvent } from '../../../events/envelope.js'
import type { SubscribeOptions } from '../port.js'
import type { ChangeSignal } from './change-signal.js'
import { READ_PAGE_SIZE, readAllPage } from './read-events.js'

const MAX_BIGINT = 9_223_372_036_854_775_807n

/**
 * Catch-up by pages, then live: when a page comes back short the subscriber
 * has reached the head and sleeps until a NOTIFY (or the polling interval)
 * says something was committed, then reads again from its last position.
 * Because positions become visible in order (see append-group.ts), reading
 * `position > last` never skips an in-flight commit.
 *
 * The generation is taken before the read, so a commit that lands between the
 * read and the wait wakes the wait at once instead of being missed.
 */
export async function* subscribeToAll(
  pool: pg.Pool,
  changes: ChangeSignal,
  options: SubscribeOptions,
  isClosed: () => boolean,
  pollMs: number,
): AsyncGenerator<RecordedEvent> {
  const { signal } = options
  let last = options.fromPosition
  while (!signal?.aborted && !isClosed()) {
    const generation = changes.generation
    let page: RecordedEvent[]
    try {
      page = await readAllPage(pool, last, MAX_BIGINT, READ_PAGE_SIZE)
    } catch (error) {
      if (isClosed()) return // the store closed under a read in flight: end quietly
      throw error
    }
    for (const event of page) {
      if (signal?.aborted) return
      yield event
      last = event.position
    }
    if (page.length === READ_PAGE_SIZE) continue
    await changes.waitForChange(generation, pollMs, signal)
  }
}
