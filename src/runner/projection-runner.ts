import type { Logger } from 'pino'
import type { RecordedEvent } from '../../events/envelope.js'
import { defaultPolicy, type Policy } from '../../projections/model.js'
import { projectionVersion } from '../../projections/version.js'
import type { EventStore } from '../store/port.js'
import type { ReadModelStore } from '../read-model/port.js'
import { applyBatch, type FactSnapshotOptions } from './apply-batch.js'
import { createDocCache, type DocCache, type DocCacheLimits } from './doc-cache.js'
import { followLive } from './follow-live.js'
import { createHealthTracker, type FailingEvent, pause } from './projection-health.js'
import { rebuildViews } from './rebuild-views.js'

export interface RunnerOptions extends FactSnapshotOptions {
  store: EventStore
  readModel: ReadModelStore
  logger: Logger
  /** Events folded per read-model transaction while following the log live. */
  batchSize?: number
  /**
   * Events folded per transaction while catching up (and rebuilding). Larger
   * batches reconcile a busy fact once for many of its events; the fact event
   * index keeps every position's view exact.
   */
  catchUpBatchSize?: number
  /** Bounds of the document cache a catch-up keeps between its batches. */
  docCacheLimits?: DocCacheLimits
  /** Wait before retry n after a failed batch (default: 100 ms doubling to 30 s). */
  retryDelayMs?: (attempt: number) => number
}

export type Progress = (done: bigint, total: bigint) => void

/**
 * Keeps the read model in step with the event log: catch up from the stored
 * checkpoint, then follow the live subscription. Batches are processed one at
 * a time; each batch's documents, views and checkpoint commit together.
 */
export function createProjectionRunner(options: RunnerOptions) {
  const { store, readModel } = options
  const log = options.logger.child({ component: 'projection-runner' })
  const batchSize = options.batchSize ?? 500
  const catchUpBatchSize = options.catchUpBatchSize ?? Math.max(batchSize, 2_000)
  let position = 0n
  /** A rebuild is under way: each batch's checkpoint says so, so a rebuild started again continues. */
  let rebuilding = false
  let policy: Policy = defaultPolicy
  let queue: Promise<unknown> = Promise.resolve()
  let live: AbortController | null = null
  let liveLoop: Promise<void> | null = null
  const waiters = new Set<{ position: bigint; resolve: () => void }>()
  const health = createHealthTracker(options.retryDelayMs)

  /** Serialize every read-model write through one chain. */
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  async function fold(events: RecordedEvent[], cache?: DocCache): Promise<void> {
    const fresh = events.filter((e) => e.position > position)
    if (fresh.length === 0) return
    try {
      const { batch, state } = await applyBatch(readModel, policy, fresh, cache, rebuilding, options.factSnapshotEvery)
      await readModel.commit(batch)
      cache?.remember(state.loaded())
      if (batch.policy) policy = batch.policy
      position = batch.checkpoint.position
    } catch (err) {
      cache?.clear()
      throw err
    }
    for (const w of waiters) {
      if (w.position > position) continue
      waiters.delete(w)
      w.resolve()
    }
  }

  /** After a failure: fold the next event on its own, so a failure names the one event that causes it. */
  async function foldNextAlone(): Promise<{ ok: true; done: boolean } | { ok: false; err: unknown; event: FailingEvent | null }> {
    let next: RecordedEvent | undefined
    try {
      for await (const e of store.readAll({ fromPosition: position, maxCount: 1 })) next = e
    } catch (err) {
      return { ok: false, err, event: null }
    }
    if (!next) return { ok: true, done: true }
    try {
      await fold([next])
      return { ok: true, done: false }
    } catch (err) {
      return { ok: false, err, event: { id: next.id, position: next.position, type: next.type } }
    }
  }

  async function catchUpUnlocked(onProgress?: Progress): Promise<bigint> {
    const head = await store.headPosition()
    // One catch-up runs alone on the read model (calls are serialized), so it may keep what it wrote.
    const cache = createDocCache(options.docCacheLimits)
    for (;;) {
      const events: RecordedEvent[] = []
      for await (const e of store.readAll({ fromPosition: position, maxCount: catchUpBatchSize })) events.push(e)
      if (events.length === 0) break
      await fold(events, cache)
      onProgress?.(position, head > position ? head : position)
    }
    return position
  }

  /**
   * Fold the whole log into an empty read model, or continue a rebuild a
   * killed process left half done (its checkpoint says rebuilding, with this
   * code's version): every batch commits with its checkpoint, so the
   * documents are exactly those of the log up to it.
   */
  async function rebuildUnlocked(onProgress?: Progress, restart = false): Promise<bigint> {
    const checkpoint = await readModel.getCheckpoint()
    if (!restart && checkpoint?.rebuilding && checkpoint.version === projectionVersion) {
      position = checkpoint.position
      policy = (await readModel.getPolicy()) ?? defaultPolicy
      log.info({ position: position.toString() }, 'continuing the rebuild from its checkpoint')
    } else {
      await readModel.reset()
      position = 0n
      policy = defaultPolicy
      await readModel.commit({ sources: [], facts: [], claims: [], views: [], checkpoint: { position, version: projectionVersion, rebuilding: true } })
    }
    rebuilding = true
    try {
      await catchUpUnlocked(onProgress)
      const facts = await rebuildViews(readModel, policy, position)
      log.info({ facts, position: position.toString() }, 'rebuild: every fact reconciled once at its last event')
    } finally {
      rebuilding = false
    }
    await readModel.commit({ sources: [], facts: [], claims: [], views: [], checkpoint: { position, version: projectionVersion } })
    return position
  }

  return {
    /** The last position folded into the read model. */
    position: () => position,

    /** Load the checkpoint; rebuild when the projection code's version changed. */
    async init(): Promise<'current' | 'rebuilt' | 'empty'> {
      return serialized(async () => {
        const checkpoint = await readModel.getCheckpoint()
        if (!checkpoint) return 'empty'
        if (checkpoint.version !== projectionVersion) {
          log.info({ from: checkpoint.version, to: projectionVersion }, 'projection version changed; rebuilding')
          await rebuildUnlocked()
          return 'rebuilt'
        }
        if (checkpoint.rebuilding) {
          await rebuildUnlocked()
          return 'rebuilt'
        }
        position = checkpoint.position
        policy = (await readModel.getPolicy()) ?? defaultPolicy
        return 'current'
      })
    },

    catchUp: (onProgress?: Progress) => serialized(() => catchUpUnlocked(onProgress)),

    /**
     * Drop the read model and fold the whole log again. A rebuild that was
     * interrupted (killed, crashed) is continued from its checkpoint instead
     * of started over, unless `restart` is set.
     */
    rebuild: (onProgress?: Progress, options: { restart?: boolean } = {}) =>
      serialized(() => rebuildUnlocked(onProgress, options.restart === true)),

    /**
     * Follow the log live until stop(). A batch that fails is never skipped:
     * the checkpoint stays before it, the failing event is isolated (folded on
     * its own) and reported by id, and the runner tries again with backoff
     * until it commits (see health()).
     */
    start(): void {
      if (live) return
      live = new AbortController()
      const signal = live.signal
      liveLoop = (async () => {
        // After a failed batch, its events are folded one at a time up to here, so a failure names its event.
        let isolateThrough = 0n
        while (!signal.aborted) {
          if (!health.failing()) {
            const failure = await followLive({ store, position: () => position, batchSize, fold, serialized, settled: () => queue, signal })
            if (!failure || signal.aborted) continue
            isolateThrough = failure.through
            const wait = health.failed(failure.err, null)
            log.error({ err: failure.err, position: position.toString(), retryInMs: wait }, 'projection batch failed; the checkpoint stays before it; retrying')
            await pause(wait, signal)
            continue
          }
          const next = await serialized(foldNextAlone)
          if (next.ok) {
            if ((next.done || position >= isolateThrough) && health.recovered()) log.info({ position: position.toString() }, 'projections recovered')
            continue
          }
          const wait = health.failed(next.err, next.event)
          const event = next.event && { eventId: next.event.id, eventPosition: next.event.position.toString(), eventType: next.event.type }
          log.error({ err: next.err, ...event, position: position.toString(), attempts: health.snapshot(position).failure?.attempts, retryInMs: wait }, 'an event fails to project; it is not skipped; retrying')
          await pause(wait, signal)
        }
      })()
    },

    /** Following, or retrying a failed batch: where it is stuck, on which event, and why. */
    health: () => health.snapshot(position),

    async stop(): Promise<void> {
      live?.abort()
      await liveLoop
      await queue
      live = null
      liveLoop = null
    },

    /**
     * Resolve true once the read model reflects `target` (read-your-writes after
     * a command), false after `timeoutMs`. A process that is not the active
     * runner (another holds the lease) sees progress through the stored
     * checkpoint instead.
     */
    async waitFor(target: bigint, timeoutMs = 5000): Promise<boolean> {
      if (position >= target) return true
      const deadline = Date.now() + timeoutMs
      if (live) {
        let timer: NodeJS.Timeout | undefined
        const reached = await Promise.race([
          new Promise<boolean>((resolve) => waiters.add({ position: target, resolve: () => resolve(true) })),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
        ])
        clearTimeout(timer)
        return reached
      }
      while (Date.now() < deadline) {
        const checkpoint = await readModel.getCheckpoint()
        if (checkpoint && checkpoint.position >= target) return true
        await new Promise((r) => setTimeout(r, 25))
      }
      return false
    },
  }
}

export type ProjectionRunner = ReturnType<typeof createProjectionRunner>
