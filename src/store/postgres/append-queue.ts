import type pg from 'pg'
import type { AppendResult } from '../port.js'
import type { AppendRequest } from '../shared/append-decision.js'
import { appendGroup } from './append-group.js'
import { isUnavailable, toStoreError } from './pg-errors.js'

interface Pending {
  request: AppendRequest
  resolve(result: AppendResult): void
  reject(error: unknown): void
}

export interface AppendQueue {
  append(request: AppendRequest): Promise<AppendResult>
  /** Resolves once every append queued so far has been settled. */
  drained(): Promise<void>
}

/** Upper bound of events per transaction, so one group cannot hold the sequencer for long. */
const MAX_EVENTS_PER_GROUP = 5000

/**
 * Group commit: appends that arrive while a transaction is running wait and
 * go together into the next one (one lock, one multi-row INSERT, one commit
 * for all of them). Each caller is resolved only after that commit.
 */
export function createAppendQueue(pool: pg.Pool): AppendQueue {
  let pending: Pending[] = []
  let running: Promise<void> | null = null

  function kick(): void {
    if (running || pending.length === 0) return
    running = drain().finally(() => {
      running = null
      kick() // an append may have arrived between the loop's last check and here
    })
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) await runGroup(takeGroup())
  }

  function takeGroup(): Pending[] {
    let events = 0
    let count = 0
    while (count < pending.length && (count === 0 || events + pending[count]!.request.events.length <= MAX_EVENTS_PER_GROUP)) {
      events += pending[count]!.request.events.length
      count += 1
    }
    const group = pending.slice(0, count)
    pending = pending.slice(count)
    return group
  }

  async function runGroup(group: Pending[]): Promise<void> {
    let client: pg.PoolClient
    try {
      client = await pool.connect()
    } catch (error) {
      for (const p of group) p.reject(toStoreError(error, 'cannot reach PostgreSQL to append'))
      return
    }
    try {
      const decisions = await appendGroup(client, group.map((p) => p.request))
      client.release()
      group.forEach((p, i) => p.resolve(decisions[i]!.result))
    } catch (error) {
      // A broken connection is destroyed rather than returned to the pool.
      client.release(isUnavailable(error) ? (error as Error) : undefined)
      if (group.length > 1 && !isUnavailable(error)) {
        // One bad append (a bug in its payload) must not fail its neighbours: retry them one by one.
        for (const p of group) await runGroup([p])
        return
      }
      for (const p of group) p.reject(toStoreError(error, 'append failed; it may or may not have been written'))
    }
  }

  return {
    append(request) {
      return new Promise<AppendResult>((resolve, reject) => {
        pending.push({ request, resolve, reject })
        kick()
      })
    },
    async drained() {
      while (running) await running
    },
  }
}
