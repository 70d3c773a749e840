import type { Logger } from 'pino'
import type { RecordedEvent } from '../../events/envelope.js'
import { defaultPolicy, type Policy } from '../../projections/model.js'
import { projectionVersion } from '../../projections/version.js'
import type { EventStore } from '../store/port.js'
import type { ReadModelStore } from '../read-model/port.js'
import { applyBatch } from './apply-batch.js'
import { createDocCache, type DocCache, type DocCacheLimits } from './doc-cache.js'

export interface RunnerOptions {
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
      const { batch, state } = await applyBatch(readModel, policy, fresh, cache, rebuilding)
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

    /** Follow the log live until stop(). */
    start(): void {
      if (live) return
      live = new AbortController()
      const signal = live.signal
      liveLoop = (async () => {
        let buffer: RecordedEvent[] = []
        let flushing: Promise<void> | null = null
        const flush = () => {
          if (flushing) return
          flushing = (async () => {
            // Let the subscription deliver what is already waiting, then fold it as one batch.
            await new Promise((r) => setImmediate(r))
            const events = buffer
            buffer = []
            flushing = null
            await serialized(() => fold(events)).catch((err) => log.error({ err }, 'projection batch failed'))
            if (buffer.length) flush()
          })()
        }
        try {
          for await (const event of store.subscribeToAll({ fromPosition: position, signal })) {
            buffer.push(event)
            if (buffer.length >= batchSize) await serialized(() => fold(buffer.splice(0)))
            else flush()
          }
        } catch (err) {
          if (!signal.aborted) log.error({ err }, 'live subscription ended')
        }
      })()
    },

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
