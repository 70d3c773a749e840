import type { Runtime } from '../runtime.js'

/** The runtime parts the routes use (a subset, so tests can build one from a memory backend). */
export type HttpRuntime = Pick<Runtime, 'config' | 'logger' | 'store' | 'readModel' | 'readFactViewAndHead' | 'ledger' | 'runner' | 'facts' | 'tree'>

export interface HttpDeps {
  runtime: HttpRuntime
  /** Resolves true once the read model reflects `position`, false if it did not in time. */
  waitForProjection(position: bigint): Promise<boolean>
  /** Live SSE streams, ended on shutdown. */
  liveStreams: Set<AbortController>
  heartbeatMs: number
  maxReadyLag: bigint
  sourceBodyLimit: number
  /** The organization named as author of ClaimReview exports. */
  reviewer: string
}
