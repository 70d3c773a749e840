import type { EventEmitter } from 'node:events'
import type { RecordedEvent } from '../../../events/envelope.js'
import type { SubscribeOptions } from '../port.js'

const PAGE_SIZE = 500

export interface SubscriptionSource {
  /** Committed events after a position (exclusive), in position order. */
  readPage(after: bigint, limit: number): RecordedEvent[]
  /** Emits 'commit' after each in-process commit and 'close' when the store closes. */
  commits: EventEmitter
  isClosed(): boolean
  /** How often to look for commits made by other processes sharing the file. */
  pollIntervalMs: number
}

/**
 * Catch-up, then live. Both phases are the same loop: read the next page
 * after the last delivered position; when there is none, wait for an
 * in-process commit, the poll timer, an abort or close. Positions are
 * assigned inside the single write transaction and become visible only at
 * COMMIT, all at once, so "everything after the last delivered position"
 * never skips an in-flight commit and never repeats one.
 */
export async function* subscribeToAll(source: SubscriptionSource, options: SubscribeOptions): AsyncGenerator<RecordedEvent> {
  const { signal } = options
  if (typeof options.fromPosition !== 'bigint' || options.fromPosition < 0n) {
    throw new TypeError('fromPosition must be a bigint >= 0n')
  }
  let last = options.fromPosition
  while (!signal?.aborted && !source.isClosed()) {
    const page = source.readPage(last, PAGE_SIZE)
    if (page.length === 0) {
      await nextChange(source, signal)
      continue
    }
    for (const event of page) {
      yield event
      last = event.position
      if (signal?.aborted || source.isClosed()) return
    }
  }
}

function nextChange(source: SubscriptionSource, signal: AbortSignal | undefined): Promise<void> {
  return new Promise(resolve => {
    const wake = () => {
      clearTimeout(timer)
      source.commits.off('commit', wake)
      source.commits.off('close', wake)
      signal?.removeEventListener('abort', wake)
      resolve()
    }
    const timer = setTimeout(wake, source.pollIntervalMs)
    source.commits.on('commit', wake)
    source.commits.on('close', wake)
    signal?.addEventListener('abort', wake)
  })
}
